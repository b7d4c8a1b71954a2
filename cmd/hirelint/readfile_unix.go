//go:build unix

package main

import (
	"os"
	"syscall"
)

// openFlags opens a file for reading without blocking (see openRegular).
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
