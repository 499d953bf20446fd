/* The output buffer of the bulk writers; see src/out.h. */
#define _GNU_SOURCE
#include <stdio.h>

#include "src/out.h"

struct out_buffer outbuf;

void out_flush(void)
{
	if (outbuf.len == 0)
		return;
	fwrite_unlocked(outbuf.buf, 1, outbuf.len, stdout);
	outbuf.len = 0;
}

void out_write_direct(const void *p, size_t n)
{
	fwrite_unlocked(p, 1, n, stdout);
}
