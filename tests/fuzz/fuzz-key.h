/*
 * The property of a parsed key argument (struct key_arg, src/args.h), shared
 * by the ipcmk-args and ipcrm-args targets; include it after the source
 * under test.  A number is never 0 and is ARG parsed again; PATH:PROJ is not
 * resolved (value 0, no file looked at), its PATH has a '/' and ends at the
 * last ':' of the argument, and PROJ (1..255) is what follows that ':'.
 */
#ifndef IPCBOX_FUZZ_KEY_H
#define IPCBOX_FUZZ_KEY_H

static void fuzz_check_key_arg(const struct key_arg *k, const char *arg)
{
	if (!k->is_ftok) {
		int32_t key = 0;
		FUZZ_CHECK(k->value != 0, "key 0");
		if (arg)
			FUZZ_CHECK(parse_ipc_key(arg, &key) && key == k->value, "key %d is not '%s'", k->value, arg);
		return;
	}
	const struct ftok_spec *f = &k->ftok;
	unsigned proj = 0;
	FUZZ_CHECK(k->value == 0, "ftok key resolved by the parser");
	FUZZ_CHECK(f->path && (!arg || f->path == arg), "ftok path is not the argument");
	FUZZ_CHECK(f->path[f->path_len] == ':' && !strchr(f->path + f->path_len + 1, ':'),
		   "path of '%s' does not end at its last ':'", f->path);
	FUZZ_CHECK(memchr(f->path, '/', f->path_len), "ftok path without '/' in '%s'", f->path);
	FUZZ_CHECK(f->proj >= 1 && f->proj <= 255, "proj %u", f->proj);
	FUZZ_CHECK(!ftok_parse_proj(f->path + f->path_len + 1, &proj, false) && proj == f->proj,
		   "proj %u is not '%s'", f->proj, f->path + f->path_len + 1);
}

#endif
