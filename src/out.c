/* The output buffer of the bulk writers; see src/out.h. */
#define _GNU_SOURCE
#include <stdio.h>

#include "src/out.h"

struct out_buffer out;

void out_flush(void)
{
	if (out.len == 0)
		return;
	fwrite_unlocked(out.buf, 1, out.len, stdout);
	out.len = 0;
}

void out_write_direct(const void *p, size_t n)
{
	fwrite_unlocked(p, 1, n, stdout);
}
