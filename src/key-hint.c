/* The line that says which System V object a typed key belongs to (see key-hint.h). */
#include <string.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/key-hint.h"
#include "src/messages.h"
#include "src/sysv.h"

static void print(enum ipc_kind k, int id, const char *arg, enum key_hint_use use)
{
	/* The kind's ipcs letter (-m) and ipcrm key letter (-M). */
	char key_letter = kinds[k].key_option, letter = (char)(key_letter - 'A' + 'a');
	if (use == KEY_HINT_REMOVE)
		/* TRANSLATORS: "0x5eed is the key of shared memory id 3: use -M 0x5eed ..." */
		warnx(_("%s is the key of %s id %d: use -%c %s to remove it by key"), escape_arg(arg),
		      _(kinds[k].object), id, key_letter, escape_arg(arg));
	else
		/* TRANSLATORS: "0x5eed is the key of shared memory id 3: use ipcs -m -i 3" */
		warnx(_("%s is the key of %s id %d: use ipcs -%c -i %d"), escape_arg(arg),
		      _(kinds[k].object), id, letter, id);
}

bool key_hint_here(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], "--n", 3) == 0 || strncmp(argv[i], "--all-", 6) == 0)
			return false;
	return true;
}

bool key_hint(enum ipc_kind type, int32_t key, const char *arg, enum key_hint_use use, bool same_only)
{
	if (type < KINDS && !kind_is_posix(type)) {
		int id = sysv_id_of_key(type, key);
		if (id >= 0) {
			print(type, id, arg, use);
			return true;
		}
		if (same_only)
			return false;
	}
	/* The first other System V kind that has it: keys are per kind, one line is enough. */
	for (int k = 0; k < KINDS; k++) {
		if (k == (int)type || kind_is_posix(k))
			continue;
		int id = sysv_id_of_key(k, key);
		if (id >= 0) {
			print(k, id, arg, use);
			return true;
		}
	}
	return false;
}
