/*
 * Fuzz target: cgroup_label (src/cgroup-label.h), the container label of
 * --all-namespaces headers from one line of /proc/PID/cgroup, which any
 * user can shape (a delegated cgroup subtree takes any name).  Checked:
 *
 *  (a) no read outside the line (exact-size copy), with or without its
 *      newline;
 *  (b) the label is "" or exactly one of the documented shapes: "docker ",
 *      "podman ", "containerd ", "cri-o " and 12 lowercase hex digits, or
 *      "kubernetes pod " and a UUID with dashes: nothing else of the line
 *      ever reaches the terminal;
 *  (c) it equals an independent reference: the text after the second
 *      colon, its last '/'-separated component, matched character by
 *      character against "<manager>-<64 hex>.scope" and
 *      "kubepods[-burstable|-besteffort]-pod<UUID with _>.slice";
 *  (d) a line made from the input's bytes in a valid shape (64 hex digits
 *      from its bytes) gives its label back.
 */
#define _GNU_SOURCE
#include <stdbool.h>

#include "src/cgroup-label.h"
#include "tests/fuzz/fuzz.h"

#if defined(__clang__) && __clang_major__ >= 13
#define HARNESS __attribute__((no_sanitize("coverage")))
#else
#define HARNESS
#endif

static const char hexdigits[] = "0123456789abcdef";

HARNESS static bool is_lower_hex(char c)
{
	return strchr(hexdigits, c) && c != '\0';
}

/* (b): the label's shape. */
HARNESS static bool label_shape(const char *l)
{
	static const char *const words[] = { "docker ", "podman ", "containerd ", "cri-o " };
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t w = strlen(words[i]);
		if (strncmp(l, words[i], w) == 0) {
			if (strlen(l) != w + 12)
				return false;
			for (size_t j = w; j < w + 12; j++)
				if (!is_lower_hex(l[j]))
					return false;
			return true;
		}
	}
	const char *k = "kubernetes pod ";
	if (strncmp(l, k, strlen(k)) != 0 || strlen(l) != strlen(k) + 36)
		return false;
	l += strlen(k);
	for (size_t j = 0; j < 36; j++)
		if (j == 8 || j == 13 || j == 18 || j == 23 ? l[j] != '-' : !is_lower_hex(l[j]))
			return false;
	return true;
}

/* (c): the reference, on a NUL-terminated copy. */
HARNESS static void reference(const char *line, size_t n, char *out)
{
	out[0] = '\0';
	char *s = fuzz_cstring((const uint8_t *)line, n);
	if (strlen(s) != n) {	/* a NUL inside: no label */
		free(s);
		return;
	}
	if (n && s[n - 1] == '\n')
		s[--n] = '\0';
	char *a = strchr(s, ':'), *b = a ? strchr(a + 1, ':') : NULL;
	if (!b || b[1] != '/') {
		free(s);
		return;
	}
	char *last = strrchr(b + 1, '/') + 1;
	static const struct { const char *pre, *suf, *label; size_t len; bool uuid; } shapes[] = {
		{ "docker-", ".scope", "docker", 64, false },
		{ "libpod-", ".scope", "podman", 64, false },
		{ "cri-containerd-", ".scope", "containerd", 64, false },
		{ "crio-", ".scope", "cri-o", 64, false },
		{ "kubepods-pod", ".slice", "kubernetes pod", 36, true },
		{ "kubepods-burstable-pod", ".slice", "kubernetes pod", 36, true },
		{ "kubepods-besteffort-pod", ".slice", "kubernetes pod", 36, true },
	};
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		size_t p = strlen(shapes[i].pre), q = strlen(shapes[i].suf);
		if (strlen(last) != p + shapes[i].len + q || strncmp(last, shapes[i].pre, p) != 0 ||
		    strcmp(last + p + shapes[i].len, shapes[i].suf) != 0)
			continue;
		char *id = last + p;
		bool ok = true;
		for (size_t j = 0; j < shapes[i].len && ok; j++) {
			bool sep = shapes[i].uuid && (j == 8 || j == 13 || j == 18 || j == 23);
			ok = sep ? id[j] == '_' : is_lower_hex(id[j]);
			if (sep)
				id[j] = '-';
		}
		if (!ok)
			continue;
		sprintf(out, "%s %.*s", shapes[i].label, shapes[i].uuid ? 36 : 12, id);
		break;
	}
	free(s);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_stderr();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char label[96], ref[96];
	char *exact = malloc(size ? size : 1);
	memcpy(exact, data, size);
	bool got = cgroup_label(exact, size, label, sizeof(label));
	FUZZ_CHECK(got == (label[0] != '\0'), "return value %d, label '%s'", got, label);
	FUZZ_CHECK(!got || label_shape(label), "label of a bad shape: '%s'", label);
	reference(exact, size, ref);
	FUZZ_CHECK(strcmp(label, ref) == 0, "label '%s', reference '%s'", label, ref);
	free(exact);

	/* (d) a valid docker scope (or pod slice) under any parent path made of the input. */
	if (size >= 33) {
		char line[512], hex[65], want[96];
		for (size_t i = 0; i < 32; i++) {
			hex[2 * i] = hexdigits[data[i] >> 4];
			hex[2 * i + 1] = hexdigits[data[i] & 15];
		}
		hex[64] = '\0';
		size_t plen = size - 32 > 200 ? 200 : size - 32;
		char parent[201];
		for (size_t i = 0; i < plen; i++) {
			char c = (char)data[32 + i];
			parent[i] = c == '/' || c == '\0' || c == '\n' ? '_' : c;
		}
		parent[plen] = '\0';
		int n = snprintf(line, sizeof(line), "0::/%s/docker-%s.scope\n", parent, hex);
		FUZZ_CHECK(cgroup_label(line, (size_t)n, label, sizeof(label)), "no label for %s", line);
		snprintf(want, sizeof(want), "docker %.12s", hex);
		FUZZ_CHECK(strcmp(label, want) == 0, "label '%s' for %s", label, line);
		/* Below it, any other name: no label. */
		n = snprintf(line, sizeof(line), "0::/docker-%s.scope/%s\n", hex, parent);
		cgroup_label(line, (size_t)n, label, sizeof(label));
		reference(line, (size_t)n, ref);
		FUZZ_CHECK(strcmp(label, ref) == 0, "label '%s', reference '%s'", label, ref);
	}
	return 0;
}
