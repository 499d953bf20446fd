#ifndef IPCBOX_NAMES_H
#define IPCBOX_NAMES_H

/* uid/gid to name, each distinct id looked up once per run. */
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The name, or NULL if none. */
const char *user_name(uid_t uid);
const char *group_name(gid_t gid);
/* The same, escaped for text output as object names are. */
const char *user_name_shown(uid_t uid);
/* Either (USER: a uid, else a gid), with the length of the name in *LEN. */
const char *id_name_shown(unsigned id, bool user, size_t *len);
/* The uid of user NAME: false if there is none. */
bool user_id(const char *name, uid_t *uid);
bool group_id(const char *name, gid_t *gid);

#endif
