/*
 * ipcbox read and write: a shared memory segment's bytes.  A System V
 * segment is attached (shmat, read-only for read): its size never
 * changes.  A POSIX segment is never mapped: its owner may truncate the
 * file under a mapping, which kills the reader with SIGBUS; its file is
 * read and written with pread and pwrite, after fstat gave the size.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/commands.h"
#include "src/format.h"
#include "src/i18n.h"
#include "src/messages.h"
#include "src/out.h"
#include "src/segment-args.h"
#include "src/target.h"
#include "src/xalloc.h"

#define CHUNK 65536	/* a multiple of 16: hex dump lines do not straddle chunks */

struct segment {
	const struct ipc_target *t;
	bool posix;
	int id;			/* System V */
	unsigned char *addr;	/* System V: attached */
	int fd;			/* POSIX */
	uint64_t size;
};

/* Open or attach T, for writing or not: 0, or -1 after the message. */
static int segment_open(const struct ipc_target *t, bool writing, struct segment *s)
{
	const char *need = writing ? _("writing takes write permission") : _("reading takes read permission");
	memset(s, 0, sizeof(*s));
	s->t = t;
	s->fd = -1;
	s->posix = t->kind == KIND_PSHM;
	if (s->posix) {
		struct stat st;
		s->fd = target_posix_open(t, writing ? O_RDWR : O_RDONLY, &st);
		if (s->fd < 0) {
			target_report_posix_open(t, errno, need);
			return -1;
		}
		s->size = (uint64_t)st.st_size;
		return 0;
	}
	if (target_sysv_id(t, &s->id) < 0)
		return -1;
	struct shmid_ds ds;
	void *p = (void *)-1;
	if (shmctl(s->id, IPC_STAT, &ds) == 0) {
		s->size = ds.shm_segsz;
		p = shmat(s->id, NULL, writing ? 0 : SHM_RDONLY);
	}
	if (p == (void *)-1) {
		if (errno == EACCES || errno == EPERM) {
			target_report_permission(t, s->id, need);
		} else if (errno == EINVAL || errno == EIDRM) {
			target_report_gone(t, s->id);
		} else {
			char *what = target_describe(t, s->id);
			warnx(_("cannot attach %s: %s"), what, strerror(errno));
			free(what);
		}
		return -1;
	}
	s->addr = p;
	return 0;
}

static void segment_close(struct segment *s)
{
	if (s->addr)
		shmdt(s->addr);
	if (s->fd >= 0)
		close(s->fd);
}

/* OFFSET lies within S: 0, or -1 after the message. */
static int check_offset(const struct segment *s, uint64_t offset)
{
	if (offset <= s->size)
		return 0;
	char *what = target_describe(s->t, s->id);
	warnx(_("%s is %llu bytes: offset %llu is past its end"), what, (unsigned long long)s->size,
	      (unsigned long long)offset);
	free(what);
	return -1;
}

/* xxd's lines for N bytes of P, the first at OFFSET: "%08x: " 8 groups of 2 bytes, then the text. */
static void out_hex(const unsigned char *p, size_t n, uint64_t offset)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t at = 0; at < n; at += 16) {
		char line[80], *q = line;
		size_t len = n - at < 16 ? n - at : 16;
		q += snprintf(line, sizeof(line), "%08llx: ", (unsigned long long)(offset + at));
		for (size_t i = 0; i < 16; i++) {
			*q++ = i < len ? digits[p[at + i] >> 4] : ' ';
			*q++ = i < len ? digits[p[at + i] & 15] : ' ';
			if (i % 2)
				*q++ = ' ';
		}
		*q++ = ' ';
		for (size_t i = 0; i < len; i++)
			*q++ = p[at + i] >= 0x20 && p[at + i] < 0x7f ? (char)p[at + i] : '.';
		*q++ = '\n';
		out_write(line, (size_t)(q - line));
	}
}

static int do_read(const struct segment_request *req, struct segment *s)
{
	if (check_offset(s, req->offset) < 0)
		return -1;
	uint64_t length = req->has_length ? req->length : s->size - req->offset;
	if (length > s->size - req->offset) {
		char *what = target_describe(s->t, s->id);
		warnx(_("%s is %llu bytes: %llu bytes from offset %llu would pass its end"), what,
		      (unsigned long long)s->size, (unsigned long long)length, (unsigned long long)req->offset);
		free(what);
		return -1;
	}
	unsigned char *buf = s->posix ? xmalloc(CHUNK) : NULL;
	int rc = 0;
	for (uint64_t done = 0; done < length;) {
		size_t n = length - done < CHUNK ? (size_t)(length - done) : CHUNK;
		const unsigned char *p = s->addr ? s->addr + req->offset + done : buf;
		if (s->posix) {
			ssize_t got = pread(s->fd, buf, n, (off_t)(req->offset + done));
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				char *what = target_describe(s->t, s->id);
				if (got < 0)
					warnx(_("cannot read %s: %s"), what, strerror(errno));
				else
					warnx(_("%s shrank while it was read: %llu bytes were read"), what,
					      (unsigned long long)done);
				free(what);
				rc = -1;
				break;
			}
			n = (size_t)got;
		}
		if (req->hex)
			out_hex(p, n, req->offset + done);
		else
			out_write(p, n);
		done += n;
	}
	free(buf);
	return rc;
}

/* At most MAX bytes of FD into a new buffer (*LEN; MAX + 1 when there are more): NULL after the message. */
static unsigned char *read_input(int fd, const char *name, uint64_t max, size_t *len)
{
	size_t cap = 0, n = 0;
	unsigned char *buf = NULL;
	for (;;) {
		if (n == cap)
			buf = xreallocarray(buf, cap = cap ? 2 * cap : CHUNK, 1);
		size_t want = cap - n;
		if (want > max + 1 - n)
			want = (size_t)(max + 1 - n);
		if (want == 0)
			break;
		ssize_t got = read(fd, buf + n, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			warn(_("cannot read %s"), name);
			free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	*len = n;
	return buf;
}

static int do_write(const struct segment_request *req, struct segment *s)
{
	if (check_offset(s, req->offset) < 0)
		return -1;
	uint64_t room = s->size - req->offset;
	bool from_file = req->file && strcmp(req->file, "-") != 0;
	int fd = from_file ? open(req->file, O_RDONLY | O_CLOEXEC) : STDIN_FILENO;
	char *name = from_file ? xasprintf("'%s'", escape_arg(req->file)) : xstrdup(_("standard input"));
	size_t len = 0;
	unsigned char *data = NULL;
	if (fd < 0)
		warn(_("cannot open %s"), name);
	else
		data = read_input(fd, name, room, &len);
	if (from_file && fd >= 0)
		close(fd);
	int rc = data ? 0 : -1;
	if (data && len > room) {
		char *what = target_describe(s->t, s->id);
		warnx(_("%s is %llu bytes: more than %llu bytes from offset %llu would pass its end; nothing was "
			"written"), what, (unsigned long long)s->size, (unsigned long long)room,
		      (unsigned long long)req->offset);
		free(what);
		rc = -1;
	} else if (data && s->addr) {
		memcpy(s->addr + req->offset, data, len);
	} else if (data) {
		for (size_t done = 0; done < len;) {
			ssize_t put = pwrite(s->fd, data + done, len - done, (off_t)(req->offset + done));
			if (put < 0 && errno == EINTR)
				continue;
			if (put < 0) {
				char *what = target_describe(s->t, s->id);
				warnx(_("cannot write to %s: %s (%zu bytes were written)"), what, strerror(errno), done);
				free(what);
				rc = -1;
				break;
			}
			done += (size_t)put;
		}
	}
	free(data);
	free(name);
	return rc;
}

static int segment_main(const struct cmdline *cmd, bool writing, int argc, char **argv)
{
	struct segment_request req;
	argv[0] = (char *)(writing ? "ipcbox write" : "ipcbox read");	/* getopt's messages name it so too */
	if (segment_parse_args(cmd, argc, argv, &req) < 0)
		return 1;
	if (req.action != CMDLINE_RUN)
		return cmdline_act(cmd, req.action);
	struct segment s;
	if (segment_open(&req.target, writing, &s) < 0)
		return 1;
	int rc = writing ? do_write(&req, &s) : do_read(&req, &s);
	segment_close(&s);
	return rc < 0 ? 1 : close_stdout();
}

int read_main(int argc, char **argv)
{
	return segment_main(&read_cmdline, false, argc, argv);
}

int write_main(int argc, char **argv)
{
	return segment_main(&write_cmdline, true, argc, argv);
}
