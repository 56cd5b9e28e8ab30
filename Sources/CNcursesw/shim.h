// Wide-character ncurses for Swift: the feature macros the wide API needs, and inline
// wrappers for the macros and globals Swift cannot import.
#ifndef SUPPORTBOT_CNCURSESW_SHIM_H
#define SUPPORTBOT_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
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
/// The window's cursor row and column (getcury, getcurx).
static inline int sb_cury(WINDOW *w) { return getcury(w); }
static inline int sb_curx(WINDOW *w) { return getcurx(w); }
/// Whether the current locale's character set is UTF-8.
static inline int sb_locale_is_utf8(void) { return strcmp(nl_langinfo(CODESET), "UTF-8") == 0; }
/// The terminfo capability `name`, or NULL when the terminal lacks it.
static inline const char *sb_capability(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? NULL : value;
}
/// Whether $TERM names a terminal ncurses can drive as a screen: known to terminfo, with
/// cursor addressing, and neither hard-copy nor generic (`dumb`).
static inline int sb_terminal_is_addressable(void) {
    int error = 0;
    if (setupterm(NULL, 1, &error) != OK) return 0;
    int usable = sb_capability("cup") != NULL && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
    del_curterm(cur_term);
    return usable;
}
/// The sequence moving the cursor to `row`, `column` (cup), or NULL.
static inline const char *sb_cursor_address(int row, int column) {
    const char *cup = sb_capability("cup");
    return cup == NULL ? NULL : tparm(cup, row, column);
}

#endif
