/*
 * Test helper for tests/ftok.bats: glibc's own ftok() on each line
 * "PROJ PATH" of stdin (PROJ a decimal number), one key per line as ipcs
 * shows keys ("0x41006067"), or "error ERRNO" when ftok fails.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>

int main(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, stdin)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		char *path = strchr(line, ' ');
		if (!path)
			return 2;
		*path++ = '\0';
		key_t key = ftok(path, atoi(line));
		if (key == -1)
			printf("error %d\n", errno);
		else
			printf("0x%08x\n", (unsigned)key);
	}
	free(line);
	return ferror(stdout) || fclose(stdout) != 0;
}
