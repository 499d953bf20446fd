#ifndef IPCBOX_ARGS_H
#define IPCBOX_ARGS_H

/*
 * The IPC values ipcmk and ipcrm take as arguments: ids, keys (a number or
 * PATH:PROJ), permission modes and sizes.  The parsers never print: they
 * return false and set errno (EINVAL or ERANGE).  resolve_key_arg(), which
 * looks at a file, says itself why it cannot.
 */
#include <stdbool.h>
#include <stdint.h>

#include "src/ftok.h"

/* An IPC id: decimal (leading zeros too), 0..INT_MAX. */
bool parse_ipc_id(const char *s, int *out);
/* An IPC key: decimal, 0x hex or 0 octal, INT32_MIN..UINT32_MAX (no truncation). */
bool parse_ipc_key(const char *s, int32_t *out);
/*
 * A key argument as ipcmk --key and ipcrm -M/-Q/-S take it: a number
 * (parse_ipc_key) or PATH:PROJ (ftok, see src/ftok.h).  Parsing is syntax
 * only; resolve_key_arg() looks at the file.
 */
struct key_arg {
	int32_t value;		/* the key: the number, or ftok's once resolved */
	bool is_ftok;
	struct ftok_spec ftok;
};
/*
 * true, or false with *WHY NULL (not a number: errno EINVAL or ERANGE) or
 * the reason S is no key (a bad PATH:PROJ, or what looks like one).
 */
bool parse_key_arg(const char *s, struct key_arg *out, const char **why);
/*
 * An ftok key: stat the path and set K->value.  0, or -1 after printing
 * "cannot use 'ARG' as a key: PATH: ERROR".  A number: 0, nothing done.
 */
int resolve_key_arg(struct key_arg *k);
/* An octal permission mode, at most 07777. */
bool parse_ipc_mode(const char *s, unsigned *out);
/* A size with optional K/KiB/KB... suffix and decimal fraction (1.5K). */
bool parse_size(const char *s, uint64_t *out);

#endif
