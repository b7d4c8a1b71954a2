//go:build !unix

package main

import "os"

// openFlags opens a file for reading (see openRegular).
const openFlags = os.O_RDONLY
