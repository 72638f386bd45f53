// Linux's sync_file_range for Swift: glibc declares it only under _GNU_SOURCE, which the
// Glibc module is built without, so it is declared here (the symbol is in every glibc since
// 2.6). Elsewhere the call does nothing.
#ifndef DOCKET_CFILESYNC_SHIM_H
#define DOCKET_CFILESYNC_SHIM_H

#ifdef __linux__
extern int sync_file_range(int fd, long long offset, long long nbytes, unsigned int flags);

/// Asks the kernel to start writing the dirty pages of `fd` in [offset, offset + count) to the
/// disk, without waiting for them (SYNC_FILE_RANGE_WRITE, 2). Returns 0, or -1 with errno set
/// (a file system that cannot: nothing is lost, the caller's fsync still writes them).
static inline int docket_start_writeback(int fd, long long offset, long long count) {
    return sync_file_range(fd, offset, count, 2);
}
#else
static inline int docket_start_writeback(int fd, long long offset, long long count) {
    (void)fd; (void)offset; (void)count;
    return 0;
}
#endif

#endif
