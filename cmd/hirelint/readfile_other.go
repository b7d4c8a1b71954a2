//go:build !unix

package main

import "os"

// openFlags opens a file for reading (see readRegular).
const openFlags = os.O_RDONLY
