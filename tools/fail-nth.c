// SPDX-License-Identifier: GPL-2.0
/*
 * fail-nth: write VALUE to FILE with the Nth fault-injection point of the
 * write failed, as iommufd's selftests do with ioctls.
 *
 *   fail-nth N FILE VALUE
 *
 * Opens FILE and this task's /proc/thread-self/fail-nth first, so that
 * only the write itself meets the armed counter, then prints one line:
 *
 *   ERRNO INJECTED
 *
 * ERRNO is 0 if the write succeeded, else its positive errno; INJECTED is
 * 1 if the Nth point was reached (a fault was injected), 0 if the write
 * has fewer than N points.  Exits 2 on a usage or set-up error.
 *
 * Built with the kernel's nolibc (tools/include/nolibc) for the
 * initramfs of tools/demo.sh faults.
 */

static void put(const char *s)
{
	write(1, s, strlen(s));
}

static void put_uint(unsigned int v)
{
	char buf[12];
	int i = sizeof(buf);

	buf[--i] = '\0';
	do {
		buf[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	put(buf + i);
}

int main(int argc, char *argv[])
{
	char left[16];
	int fd, nth, err = 0;
	ssize_t n;

	if (argc != 4) {
		put("usage: fail-nth N FILE VALUE\n");
		return 2;
	}
	fd = open(argv[2], O_WRONLY);
	nth = open("/proc/thread-self/fail-nth", O_RDWR);
	if (fd < 0 || nth < 0) {
		put("fail-nth: cannot open the file or fail-nth\n");
		return 2;
	}

	if (write(nth, argv[1], strlen(argv[1])) < 0)
		return 2;
	if (write(fd, argv[3], strlen(argv[3])) < 0)
		err = errno;
	/* Reading fail-nth allocates nothing: it tells what is left */
	n = read(nth, left, sizeof(left) - 1);
	write(nth, "0", 1);
	if (n <= 0)
		return 2;
	left[n] = '\0';

	put_uint(err);
	put(left[0] == '0' ? " 1\n" : " 0\n");
	return 0;
}
