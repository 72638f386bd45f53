// Wide-character ncurses for Swift. The defines must precede the include: SwiftPM drops the
// -D flags pkg-config prints, and a C target's cSettings never reach Swift importers.
#ifndef DOCKET_CNCURSES_SHIM_H
#define DOCKET_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <string.h>
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

int wcwidth(wchar_t c);

// C globals and macros Swift does not import, as functions.
static inline WINDOW *docket_stdscr(void) { return stdscr; }
static inline int docket_cols(void) { return COLS; }
static inline int docket_lines(void) { return LINES; }
static inline int docket_colors(void) { return COLORS; }
static inline int docket_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t docket_a_bold(void) { return A_BOLD; }
static inline attr_t docket_a_reverse(void) { return A_REVERSE; }
static inline attr_t docket_a_underline(void) { return A_UNDERLINE; }
static inline attr_t docket_a_dim(void) { return A_DIM; }
static inline attr_t docket_a_italic(void) { return A_ITALIC; }
static inline attr_t docket_a_normal(void) { return A_NORMAL; }
static inline int docket_key_f(int n) { return KEY_F(n); }
// Gives the memory freed so far back to the system (glibc keeps freed blocks for reuse, so a
// large board dropped for another stays in the process's resident size otherwise), and lets
// glibc keep large blocks for reuse again (see docket_map_large_blocks).
static inline void docket_return_freed_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}
// While a large board is read: blocks of 1 MiB and more are mapped on their own and unmapped
// when freed, so the read's large temporaries never stay resident (glibc otherwise raises
// that threshold after the first large block is freed, up to 32 MiB, and keeps such blocks for
// reuse). 1 when the allocator took the setting (0 elsewhere, and where it is not glibc).
static inline int docket_map_large_blocks(void) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, 1 << 20);
#else
    return 0;
#endif
}
static inline mmask_t docket_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t docket_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t docket_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t docket_button4_pressed(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t docket_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t docket_button5_pressed(void) { return 0; }
#endif
static inline mmask_t docket_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/// Draws one cell: a wide-character string (a grapheme: base + combining marks) with attributes and a colour pair.
static inline int docket_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, (short)0, &pair) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}

/// Terminal size from the tty, for a resize noticed outside ncurses. Returns 0 on success.
static inline int docket_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}
/// Opens the terminal named by $TERM on stdout/stdin; NULL (no exit) when it is unknown.
static inline SCREEN *docket_newterm(void) {
    SCREEN *s = newterm(NULL, stdout, stdin);
    if (s) set_term(s);
    return s;
}

/// Writes raw bytes to the terminal (stdout), bypassing ncurses: used to switch
/// bracketed paste on and off.
static inline void docket_write_tty(const char *s) {
    fflush(stdout);
    (void)!write(1, s, strlen(s));
}

/* Crash signals (a Swift trap, SIGSEGV, abort): put the terminal back to normal, then let
   the previous handler (Swift's backtracer, or the default) run, so the report prints on a
   sane screen. Only async-signal-safe calls before re-raising. */
static inline struct sigaction *docket_previous_actions(void) { static struct sigaction saved[65]; return saved; }
static void docket_crash_handler(int sig) {
    static const char reset[] = "\033[?2004l\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
    (void)!write(1, reset, sizeof reset - 1);
    reset_shell_mode();
    sigaction(sig, &docket_previous_actions()[sig], NULL);
    raise(sig);
    /* Still here: the signal was sent by another process (kill -SEGV), not a fault, and the
       previous handler returned. The screen is gone; end rather than run on half-restored. */
    _exit(128 + sig);
}
static inline void docket_install_crash_handlers(void) {
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = docket_crash_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER | SA_RESETHAND;
        sigaction(sigs[i], &sa, &docket_previous_actions()[sigs[i]]);
    }
}
static inline void docket_remove_crash_handlers(void) {
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &docket_previous_actions()[sigs[i]], NULL);
}

/// Stops the process as Ctrl-Z would (the terminal must be restored first); returns after `fg`.
static inline void docket_suspend_self(void) {
    signal(SIGTSTP, SIG_DFL);
    kill(0, SIGTSTP);
}
/* SIGTERM, SIGHUP, SIGINT (and other signals whose default is to end the process): the handler only records the signal; the main loop (awake at
   least every 250 ms) sees it, saves, restores the terminal and exits. */
static inline volatile sig_atomic_t *docket_signal_slot(void) { static volatile sig_atomic_t slot = 0; return &slot; }
static void docket_record_signal(int sig) { *docket_signal_slot() = sig; }
static inline void docket_install_termination_handlers(void) {
    int sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = docket_record_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(sigs[i], &sa, NULL);
    }
    /* A closed pipe is an error to handle where it happens, not a reason to die. */
    signal(SIGPIPE, SIG_IGN);
}
/// The termination signal received so far (0: none).
static inline int docket_pending_signal(void) { return *docket_signal_slot(); }
#endif
