/* ipcs -i and --name: one object in detail, as util-linux prints it, or JSON. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>

#include "src/format.h"
#include "src/i18n.h"
#include "src/message-out.h"
#include "src/out.h"
#include "src/render-int.h"
#include "src/utf8.h"
#include "src/xalloc.h"

/* LABEL and a time in util-linux's 26-column field (trailing spaces kept). */
static void print_time(const char *label, int64_t t, bool zero_unset)
{
	const char *text = format_long_time(t, zero_unset);
	out_printf("%s%-*s\n", label, text_pad(text, 26), text);
}

/* --messages: every byte, in base64 ("messages" is already the count). */
static void json_messages(const struct sysv_message_list *l)
{
	json_open_array(&render_doc, "message_list");
	for (size_t i = 0; i < l->n; i++) {
		const struct sysv_message *m = &l->msgs[i];
		json_open_object(&render_doc, NULL);
		json_uint(&render_doc, "position", m->position);
		json_message(&render_doc, "type", m->type, m->data, m->size);
		json_close_object(&render_doc);
	}
	json_close_array(&render_doc);
	/* false: only the first SYSV_PEEK_MAX messages are listed. */
	json_bool(&render_doc, "message_list_complete", !l->more);
}

/* --messages: one line each, the first l->show bytes escaped. */
static void text_messages(const struct sysv_message_list *l)
{
	/* Room for the longest shown, not for --messages=N: N may be huge. */
	size_t longest = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->msgs[i].size > longest)
			longest = l->msgs[i].size;
	if (longest > l->show)
		longest = l->show;
	char *buf = xmalloc(ESCAPED_SIZE(longest));
	for (size_t i = 0; i < l->n; i++) {
		const struct sysv_message *m = &l->msgs[i];
		size_t shown = m->size < l->show ? m->size : l->show;
		out_printf("position=%" PRIu64 "\t", m->position);
		out_message_text("type", m->type, m->data, m->size, shown, buf, ESCAPED_SIZE(longest));
	}
	free(buf);
	if (l->n)
		out_char('\n');
}

void out_sem_values(const struct sysv_semval *values, uint64_t n)
{
	/* TRANSLATORS: the columns of ipcs -s -i's semaphore list, max 10 columns each:
	 * semaphore number, value, processes waiting for an increase, for zero, last pid */
	const char *heads[] = { _("semnum"), _("value"), _("ncount"), _("zcount"), _("pid") };
	for (size_t i = 0; i < ARRAY_SIZE(heads); i++)
		out_printf("%-*s%s", text_pad(heads[i], 10), heads[i], i + 1 < ARRAY_SIZE(heads) ? " " : "\n");
	for (uint64_t i = 0; i < n; i++)
		out_printf("%-10" PRIu64 " %-10d %-10d %-10d %-10d\n", i, values[i].value, values[i].ncount,
			   values[i].zcount, values[i].pid);
}

void json_sem_values(struct json *j, const struct sysv_semval *values, uint64_t n)
{
	json_open_array(j, "values");
	for (uint64_t i = 0; i < n; i++) {
		json_open_object(j, NULL);
		json_uint(j, "semnum", i);
		json_int(j, "value", values[i].value);
		json_int(j, "ncount", values[i].ncount);
		json_int(j, "zcount", values[i].zcount);
		json_int(j, "pid", values[i].pid);
		json_close_object(j);
	}
	json_close_array(j);
}

/* JSON of -i and --name: the kind's list with this one object, or empty. */
static void json_details(const struct ipc_item *it, const struct sysv_semval *values,
			 const struct render_opts *opts)
{
	json_open_array(&render_doc, kinds[it->kind].json_key);
	if (it->sysv || it->posix) {
		json_open_object(&render_doc, NULL);
		json_item(it, opts);
		/* What only the detail view asks the kernel for. */
		if (it->kind == KIND_MSG && it->sysv->qbytes)
			json_uint(&render_doc, "qbytes", it->sysv->qbytes);
		if (it->kind == KIND_SEM) {
			json_sem_values(&render_doc, values, values ? it->sysv->size : 0);
		}
		if (it->messages && it->sysv)
			json_messages(it->messages);
		json_close_object(&render_doc);
	}
	json_close_array(&render_doc);
}

static void text_details(const struct sysv_object *o, const struct sysv_semval *values,
			 const struct render_opts *opts)
{
	/* --human renames the size fields, as util-linux does; -b changes nothing. */
	bool human = opts->unit == UNIT_HUMAN;
	char size[32], qsize[32];
	switch (o->kind) {
	case KIND_SHM:
		/* TRANSLATORS: the titles of ipcs -i; the key=value lines stay as they are */
		out_printf(_("\nShared memory Segment shmid=%d\n"), o->id);
		out_printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\n", o->uid, o->gid, o->cuid, o->cgid);
		out_printf("mode=%#o\taccess_perms=%#o\n", o->mode, o->mode & 0777);
		if (human) {
			format_human_size(o->size, size, sizeof(size));
			out_printf("size=%s", size);
		} else {
			out_printf("bytes=%" PRIu64, o->size);
		}
		out_printf("\tlpid=%" PRId64 "\tcpid=%" PRId64 "\tnattch=%" PRIu64 "\n",
			   o->pids[SHM_LPID], o->pids[SHM_CPID], o->count);
		print_time("att_time=", o->times[SHM_ATIME], true);
		print_time("det_time=", o->times[SHM_DTIME], true);
		print_time("change_time=", o->times[SHM_CTIME], true);
		break;
	case KIND_MSG:
		out_printf(_("\nMessage Queue msqid=%d\n"), o->id);
		out_printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\tmode=%#o\n", o->uid, o->gid, o->cuid, o->cgid, o->mode);
		if (human) {
			format_human_size(o->size, size, sizeof(size));
			format_human_size(o->qbytes, qsize, sizeof(qsize));
			out_printf("csize=%s\tqsize=%s", size, qsize);
		} else {
			out_printf("cbytes=%" PRIu64 "\tqbytes=%" PRIu64, o->size, o->qbytes);
		}
		out_printf("\tqnum=%" PRIu64 "\tlspid=%" PRId64 "\tlrpid=%" PRId64 "\n",
			   o->count, o->pids[MSG_LSPID], o->pids[MSG_LRPID]);
		print_time("send_time=", o->times[MSG_STIME], true);
		print_time("rcv_time=", o->times[MSG_RTIME], true);
		print_time("change_time=", o->times[MSG_CTIME], true);
		break;
	case KIND_SEM:
		out_printf(_("\nSemaphore Array semid=%d\n"), o->id);
		out_printf("uid=%u\t gid=%u\t cuid=%u\t cgid=%u\n", o->uid, o->gid, o->cuid, o->cgid);
		out_printf("mode=%#o, access_perms=%#o\n", o->mode, o->mode & 0777);
		out_printf("nsems = %" PRIu64 "\n", o->size);
		print_time("otime = ", o->times[SEM_OTIME], true);
		print_time("ctime = ", o->times[SEM_CTIME], true);
		out_sem_values(values, values ? o->size : 0);
		break;
	default:
		break;
	}
	out_char('\n');
}

static void text_posix_details(enum ipc_kind kind, const struct posix_object *p)
{
	char name[ESCAPED_SIZE(sizeof(p->name))];
	out_printf("\n%s name=%s\n", _(kinds[kind].details_title), escape_name(p->name, name, sizeof(name)));
	out_printf("uid=%u\tgid=%u\tmode=%#o\n", p->uid, p->gid, p->mode & 07777);
	switch (kind) {
	case KIND_PSHM:
		out_printf("bytes=%" PRIu64 "\n", p->size);
		break;
	case KIND_PMSG:
		/* Nothing is known of a queue we cannot open. */
		if (p->has_attr)
			out_printf("cbytes=%" PRIu64 "\tqnum=%" PRId64 "\tmaxmsg=%" PRId64 "\tmsgsize=%" PRId64 "\n",
				   p->size, p->curmsgs, p->maxmsg, p->msgsize);
		else
			out_str("cbytes=-\n");
		break;
	case KIND_PSEM:
		if (p->has_value)
			out_printf("value=%d\n", p->value);
		else
			out_str("value=-\n");
		break;
	default:
		break;
	}
	print_time("mod_time=", p->mtime, false);
	out_char('\n');
}

/* -i or --name: either form; the --processes lines last under the text. */
void render_details(const struct ipc_item *it, const struct sysv_semval *values,
		    const struct render_opts *opts)
{
	if (opts->json) {
		json_details(it, values, opts);
		return;
	}
	if (it->sysv)
		text_details(it->sysv, values, opts);
	else if (it->posix)
		text_posix_details(it->kind, it->posix);
	else
		return;
	/* The messages before the --processes lines, as ipcbox has always printed them. */
	if (it->messages && it->sysv)
		text_messages(it->messages);
	if (it->holders)
		table_holders(it);
}
