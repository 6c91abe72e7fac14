/* svg.h — deterministic inline SVG line plots.
 *
 * A plot holds series of points (x, [ylo, yhi]).  Bands draw the whole
 * interval [ylo, yhi] at each x; lines draw ylo (= yhi) as a polyline;
 * hbands draw one horizontal band [ylo[0], yhi[0]] across the plot; vlines
 * a vertical line at each x.  Coordinates are printed with fixed decimals
 * so the same data always gives the same bytes.
 *
 * A series is certified (certified = 1) when each x is exact (the point
 * the enclosure is about) and each [ylo, yhi] is an outward-rounded
 * enclosure of the true value at x (ylo rounded down, yhi rounded up);
 * report.json then prints ylo rounded down and yhi rounded up.  Any other
 * series (certified = 0, the default) is approximate, for plotting only,
 * and carries a note saying what it is; the legend marks it.
 *
 * Layout: the data are drawn in a clipped viewport (a nested <svg>), so a
 * series may leave the plot box when the caller fixes the y range
 * (yview); the legend sits below the box, outside the data, in rows that
 * wrap at the plot's width.  A point whose enclosure is empty of positive
 * values on a log axis (hi = -inf: the value is 0) or not finite is not
 * drawn; a band is split there.
 */
#ifndef IC_SVG_H
#define IC_SVG_H

typedef enum { IC_PLOT_BAND = 0, IC_PLOT_LINE, IC_PLOT_POINTS, IC_PLOT_HBAND, IC_PLOT_VLINE } ic_plot_style;

typedef struct {
  char *name;
  ic_plot_style style;
  int n;
  double *x, *ylo, *yhi;
  int certified;             /* 1: exact x, outward [ylo, yhi] (above)     */
  char *note;                /* what an approximate series is, or NULL     */
  int color;                 /* palette index + 1; 0: by position         */
} ic_plot_series;

typedef struct {
  char *title, *xlabel, *ylabel;
  int xlog;                  /* x axis logarithmic (x > 0)                */
  int yview;                 /* 1: draw y in [yview_lo, yview_hi] only     */
  double yview_lo, yview_hi; /* (presentation; the data keep every value)  */
  char *note;                /* what the plot shows and from which bounds,
                                or NULL (report.json, index.html caption)  */
  int nseries;
  ic_plot_series *s;
} ic_plot;

#define IC_PLOT_MAX_SERIES 8
/* Pointers returned by ic_plot_add stay valid until ic_plot_clear. */
void ic_plot_init (ic_plot *p, const char *title, const char *xlabel, const char *ylabel, int xlog);
/* Adds a series with room for n points (x, ylo, yhi to be filled); it is
 * approximate (certified = 0) until the caller sets certified = 1. */
ic_plot_series *ic_plot_add (ic_plot *p, const char *name, ic_plot_style style, int n);
/* Marks a series approximate with a note ("approximate, for plotting: ..."). */
void ic_plot_series_approx (ic_plot_series *s, const char *note);
/* Sets the plot's note (a copy). */
void ic_plot_set_note (ic_plot *p, const char *note);
void ic_plot_clear (ic_plot *p);

/* SVG text (malloc'd) of the plot: a box of width x height pixels with
 * title and axes, and the legend below it (the SVG is taller by the
 * legend's rows). */
char *ic_svg_plot (const ic_plot *p, int width, int height);

#endif
