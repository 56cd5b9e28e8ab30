// Wide-character ncurses for Swift: the feature macros the wide API needs, and inline
// wrappers for the macros and globals Swift cannot import.
#ifndef SUPPORTBOT_CNCURSESW_SHIM_H
#define SUPPORTBOT_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

/// Starts curses on the process's stdin and stdout; NULL when the terminal is unusable.
static inline SCREEN *sb_newterm(void) { return newterm(NULL, stdout, stdin); }
/// The standard screen window.
static inline WINDOW *sb_stdscr(void) { return stdscr; }
/// The size of a window (getmaxyx).
static inline void sb_getmaxyx(WINDOW *w, int *rows, int *cols) { int y, x; getmaxyx(w, y, x); *rows = y; *cols = x; }
/// The key code of function key n (KEY_F).
static inline int sb_key_f(int n) { return KEY_F(n); }
/// Attribute bits (A_*).
static inline attr_t sb_a_normal(void) { return A_NORMAL; }
static inline attr_t sb_a_bold(void) { return A_BOLD; }
static inline attr_t sb_a_reverse(void) { return A_REVERSE; }
static inline attr_t sb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sb_a_dim(void) { return A_DIM; }
/// The mouse events for the wheel rolling up and down (BUTTON4/5_PRESSED).
static inline mmask_t sb_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t sb_wheel_down(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}
/// Columns a wide character takes (wcwidth), -1 for non-printable ones.
static inline int sb_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
