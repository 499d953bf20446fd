/*
 * Corpus replay driver: the fuzz targets built without libFuzzer.  Feeds
 * every file named on the command line (directories: every file in them,
 * one level) to LLVMFuzzerTestOneInput and prints a TAP line per corpus.
 * A broken property aborts, which fails the test.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t cap = 4096, len = 0;
	uint8_t *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		return -1;
	/* An exact-size copy, so that ASan sees reads past the input. */
	uint8_t *exact = malloc(len ? len : 1);
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	return 0;
}

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	int failed = 0, tests = argc - 1;
	printf("1..%d\n", tests);
	for (int i = 1; i < argc; i++) {
		struct stat st;
		long count = 0;
		int bad = 0;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			DIR *d = opendir(argv[i]);
			struct dirent *de;
			while (d && (de = readdir(d)) != NULL) {
				if (de->d_name[0] == '.')
					continue;
				char path[4096];
				snprintf(path, sizeof(path), "%s/%s", argv[i], de->d_name);
				bad |= replay_file(path) < 0;
				count++;
			}
			if (d)
				closedir(d);
			else
				bad = 1;
		} else {
			bad |= replay_file(argv[i]) < 0;
			count = 1;
		}
		fflush(stderr);
		printf("%s %d - %s: %ld inputs replayed\n", bad ? "not ok" : "ok", i, argv[i], count);
		failed |= bad || count == 0;
	}
	return failed;
}
