/* svg.c — deterministic SVG plots (see svg.h).  Drawing is presentation
 * only: the data drawn are computed elsewhere (certified enclosures, or
 * approximate series that the legend marks as such). */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "svg.h"
#include "buf.h"
#include "claims.h"

static char *xstrdup (const char *s)
{
  char *d = strdup (s ? s : "");
  if (!d) ic_claims_out_of_memory ();
  return d;
}

void ic_plot_init (ic_plot *p, const char *title, const char *xlabel, const char *ylabel, int xlog)
{
  memset (p, 0, sizeof *p);
  p->title = xstrdup (title); p->xlabel = xstrdup (xlabel); p->ylabel = xstrdup (ylabel);
  p->xlog = xlog;
  /* fixed capacity: pointers returned by ic_plot_add stay valid */
  p->s = calloc (IC_PLOT_MAX_SERIES, sizeof *p->s);
  if (!p->s) ic_claims_out_of_memory ();
}

ic_plot_series *ic_plot_add (ic_plot *p, const char *name, ic_plot_style style, int n)
{
  if (p->nseries == IC_PLOT_MAX_SERIES) abort ();   /* programming error */
  ic_plot_series *s = &p->s[p->nseries++];
  s->name = xstrdup (name); s->style = style; s->n = n;
  s->x = calloc ((size_t) (n ? n : 1), sizeof (double));
  s->ylo = calloc ((size_t) (n ? n : 1), sizeof (double));
  s->yhi = calloc ((size_t) (n ? n : 1), sizeof (double));
  if (!s->x || !s->ylo || !s->yhi) ic_claims_out_of_memory ();
  s->certified = 0;
  s->note = NULL;
  return s;
}

void ic_plot_series_approx (ic_plot_series *s, const char *note)
{
  free (s->note);
  s->note = xstrdup (note);
  s->certified = 0;
}

void ic_plot_set_note (ic_plot *p, const char *note)
{
  free (p->note);
  p->note = xstrdup (note);
}

void ic_plot_clear (ic_plot *p)
{
  for (int i = 0; i < p->nseries; i++)
    { free (p->s[i].name); free (p->s[i].x); free (p->s[i].ylo); free (p->s[i].yhi); free (p->s[i].note); }
  free (p->s); free (p->title); free (p->xlabel); free (p->ylabel); free (p->note);
  memset (p, 0, sizeof *p);
}

#define NCOLORS 8
static const char *colors[NCOLORS] = { "#1f5fbf", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#555555", "#b8860b", "#0e8f9a" };

static const char *series_color (const ic_plot_series *s, int i)
{
  return colors[(s->color > 0 ? s->color - 1 : i) % NCOLORS];
}

/* "Nice" tick step for a range of length len with about k ticks. */
static double nice_step (double len, int k)
{
  if (!(len > 0)) return 1;
  double raw = len / k, p = pow (10, floor (log10 (raw))), m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

static void fmt_num (ic_buf *b, double v)
{
  if (v == 0) { ic_buf_puts (b, "0"); return; }
  if (fabs (v) >= 1e5 || fabs (v) < 1e-3) ic_buf_printf (b, "%.3g", v);
  else ic_buf_printf (b, "%.6g", v);
}

/* A tick of a log axis at 10^k: plain for 10^-3 .. 10^4, else 10 with a
 * raised exponent. */
static void fmt_pow10 (ic_buf *b, int k)
{
  if (k >= 0 && k <= 4) ic_buf_printf (b, "%.0f", pow (10, k));
  else if (k < 0 && k >= -3) ic_buf_printf (b, "%.*f", -k, pow (10, k));
  else ic_buf_printf (b, "10<tspan dy=\"-4\" font-size=\"8\">%d</tspan>", k);
}

/* Legend text of a series (the name, marked when approximate). */
static void legend_text (ic_buf *b, const ic_plot_series *s)
{
  ic_buf_html (b, s->name);
  if (!s->certified) ic_buf_puts (b, " (approximate)");
}

/* Width of a legend entry: swatch, gap, text (about 5.6 px a character
 * at font size 10; heuristic, enough for sans-serif). */
static double legend_width (const ic_plot_series *s)
{
  size_t n = strlen (s->name) + (s->certified ? 0 : strlen (" (approximate)"));
  return 22 + 5.6 * (double) n + 16;
}

/* Legend rows: the entries flow left to right from x0 and wrap before
 * x0 + width.  Fills ex / ey (entry positions) and returns the rows. */
static int legend_layout (const ic_plot *p, double x0, double width, double *ex, int *row)
{
  int rows = p->nseries ? 1 : 0;
  double x = x0;
  for (int i = 0; i < p->nseries; i++)
    {
      double w = legend_width (&p->s[i]);
      if (x > x0 && x + w > x0 + width) { rows++; x = x0; }
      ex[i] = x; row[i] = rows - 1;
      x += w;
    }
  return rows;
}

/* The legend swatch in the series' style. */
static void legend_swatch (ic_buf *b, const ic_plot_series *s, const char *c, double x, double y)
{
  switch (s->style)
    {
    case IC_PLOT_LINE:
      ic_buf_printf (b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>", x, y - 4, x + 16, y - 4, c);
      break;
    case IC_PLOT_POINTS:
      ic_buf_printf (b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x + 8, y - 4, c);
      break;
    case IC_PLOT_VLINE:
      ic_buf_printf (b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", x + 8, y - 10, x + 8, y + 2, c);
      break;
    default:
      ic_buf_printf (b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"10\" fill=\"%s\" fill-opacity=\"0.45\" stroke=\"%s\" stroke-width=\"0.8\"/>", x, y - 9, c, c);
    }
}

/* A point is drawn when x and the enclosure mean something on the axes:
 * hi = -inf (log of 0) or lo = +inf has nothing to draw. */
static int drawable (const ic_plot *p, const ic_plot_series *s, int j)
{
  double x = p->xlog ? log10 (s->x[j]) : s->x[j];
  return isfinite (x) && !(s->yhi[j] == -INFINITY) && !(s->ylo[j] == INFINITY) && !isnan (s->ylo[j]) && !isnan (s->yhi[j]);
}

char *ic_svg_plot (const ic_plot *p, int W, int H)
{
  const double L = 64, R = 22, T = 28, B = 44;
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (int i = 0; i < p->nseries; i++)
    for (int j = 0; j < p->s[i].n; j++)
      {
        const ic_plot_series *s = &p->s[i];
        if (s->style != IC_PLOT_HBAND)
          {
            double x = p->xlog ? log10 (s->x[j]) : s->x[j];
            if (isfinite (x)) { if (x < x0) x0 = x; if (x > x1) x1 = x; }
          }
        if (s->style != IC_PLOT_VLINE)
          {
            if (isfinite (s->ylo[j]) && s->ylo[j] < y0) y0 = s->ylo[j];
            if (isfinite (s->yhi[j]) && s->yhi[j] > y1) y1 = s->yhi[j];
            if (isfinite (s->ylo[j]) && s->ylo[j] > y1) y1 = s->ylo[j];
            if (isfinite (s->yhi[j]) && s->yhi[j] < y0) y0 = s->yhi[j];
          }
      }
  if (p->yview && isfinite (p->yview_lo) && isfinite (p->yview_hi) && p->yview_lo < p->yview_hi)
    { y0 = p->yview_lo; y1 = p->yview_hi; }
  if (!isfinite (x0)) { x0 = 0; x1 = 1; }
  if (!isfinite (y0)) { y0 = 0; y1 = 1; }
  if (x1 - x0 < 1e-12) { x0 -= 0.5; x1 += 0.5; }
  int points = 0;                  /* circles at the ends need room */
  for (int i = 0; i < p->nseries; i++) points |= p->s[i].style == IC_PLOT_POINTS;
  if (points) { double xp = (x1 - x0) * 0.02; x0 -= xp; x1 += xp; }
  if (y1 - y0 < 1e-12) { y0 -= 0.5; y1 += 0.5; }
  double pad = (y1 - y0) * 0.05; y0 -= pad; y1 += pad;
  double pw = W - L - R, ph = H - T - B;
  double ex[IC_PLOT_MAX_SERIES]; int erow[IC_PLOT_MAX_SERIES];
  int rows = legend_layout (p, L, pw, ex, erow);
  int Htot = H + (rows ? 6 + 15 * rows : 0);
#define SX(v) (L + ((v) - x0) / (x1 - x0) * pw)
#define SY(v) (T + (y1 - (v)) / (y1 - y0) * ph)
  ic_buf b; ic_buf_init (&b);
  ic_buf_printf (&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", W, Htot, W, Htot);
  ic_buf_html (&b, p->title);
  ic_buf_puts (&b, "\">\n<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
  ic_buf_printf (&b, "<text x=\"%d\" y=\"18\" font-size=\"13\" text-anchor=\"middle\" font-family=\"sans-serif\">", W / 2);
  ic_buf_html (&b, p->title);
  ic_buf_puts (&b, "</text>\n");
  /* axes and ticks */
  ic_buf_printf (&b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#888\"/>\n", L, T, pw, ph);
  double ys = nice_step (y1 - y0, 5);
  for (double v = ceil (y0 / ys) * ys; v <= y1 + 1e-9 * ys; v += ys)
    {
      ic_buf_printf (&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", L, SY (v), L + pw, SY (v));
      ic_buf_printf (&b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" font-family=\"sans-serif\">", L - 4, SY (v) + 3);
      fmt_num (&b, fabs (v) < 1e-9 * ys ? 0 : v);
      ic_buf_puts (&b, "</text>\n");
    }
  double xs = p->xlog ? fmax (1, round (nice_step (x1 - x0, 6))) : nice_step (x1 - x0, 6);
  for (double v = ceil (x0 / xs) * xs; v <= x1 + 1e-9 * xs; v += xs)
    {
      ic_buf_printf (&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", SX (v), T, SX (v), T + ph);
      ic_buf_printf (&b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" font-family=\"sans-serif\">", SX (v), T + ph + 13);
      if (p->xlog) fmt_pow10 (&b, (int) lround (v));
      else fmt_num (&b, fabs (v) < 1e-9 * xs ? 0 : v);
      ic_buf_puts (&b, "</text>\n");
    }
  ic_buf_printf (&b, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" font-family=\"sans-serif\">", L + pw / 2, H - 10);
  ic_buf_html (&b, p->xlabel);
  ic_buf_printf (&b, "</text>\n<text x=\"12\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" font-family=\"sans-serif\" transform=\"rotate(-90 12 %.1f)\">", T + ph / 2, T + ph / 2);
  ic_buf_html (&b, p->ylabel);
  ic_buf_puts (&b, "</text>\n");
  /* series, clipped to the plot box by a nested viewport (same user
   * coordinates as the outer SVG) */
  ic_buf_printf (&b, "<svg x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" viewBox=\"%.1f %.1f %.1f %.1f\" overflow=\"hidden\">\n",
                 L, T, pw, ph, L, T, pw, ph);
  for (int i = 0; i < p->nseries; i++)
    {
      const ic_plot_series *s = &p->s[i];
      const char *c = series_color (s, i);
      ic_buf_printf (&b, "<g class=\"series\" data-name=\"");
      ic_buf_html (&b, s->name);
      ic_buf_printf (&b, "\" data-certified=\"%s\">", s->certified ? "yes" : "no");
      if (s->style == IC_PLOT_HBAND && s->n > 0)
        {
          double a = SY (s->yhi[0]), bb = SY (s->ylo[0]);
          if (bb - a < 1.5) { double m = (a + bb) / 2; a = m - 0.75; bb = m + 0.75; }
          ic_buf_printf (&b, "<rect x=\"%.1f\" y=\"%.2f\" width=\"%.1f\" height=\"%.2f\" fill=\"%s\" fill-opacity=\"0.35\" stroke=\"%s\" stroke-width=\"0.5\"/>", L, a, pw, bb - a, c, c);
        }
      else if (s->style == IC_PLOT_VLINE)
        for (int j = 0; j < s->n; j++)
          {
            double x = p->xlog ? log10 (s->x[j]) : s->x[j];
            if (!isfinite (x)) continue;
            ic_buf_printf (&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>", SX (x), T, SX (x), T + ph, c);
          }
      else if (s->style == IC_PLOT_BAND)
        {
          /* one polygon per run of drawable points: upper edge left to
           * right, lower edge right to left */
          for (int j0 = 0; j0 < s->n; )
            {
              if (!drawable (p, s, j0)) { j0++; continue; }
              int j1 = j0;
              while (j1 + 1 < s->n && drawable (p, s, j1 + 1)) j1++;
              ic_buf_printf (&b, "<polygon fill=\"%s\" fill-opacity=\"0.35\" stroke=\"%s\" stroke-width=\"0.8\" points=\"", c, c);
              for (int j = j0; j <= j1; j++)
                {
                  double x = p->xlog ? log10 (s->x[j]) : s->x[j];
                  double yv = isfinite (s->yhi[j]) ? s->yhi[j] : y1;
                  ic_buf_printf (&b, "%.1f,%.2f ", SX (x), SY (yv) - 0.5);
                }
              for (int j = j1; j >= j0; j--)
                {
                  double x = p->xlog ? log10 (s->x[j]) : s->x[j];
                  double yv = isfinite (s->ylo[j]) ? s->ylo[j] : y0;
                  ic_buf_printf (&b, "%.1f,%.2f ", SX (x), SY (yv) + 0.5);
                }
              ic_buf_puts (&b, "\"/>");
              j0 = j1 + 1;
            }
        }
      else
        {
          if (s->style == IC_PLOT_LINE)
            {
              ic_buf_printf (&b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" points=\"", c);
              for (int j = 0; j < s->n; j++)
                {
                  double x = p->xlog ? log10 (s->x[j]) : s->x[j];
                  if (!isfinite (s->ylo[j]) || !isfinite (x)) continue;
                  ic_buf_printf (&b, "%.1f,%.2f ", SX (x), SY (s->ylo[j]));
                }
              ic_buf_puts (&b, "\"/>");
            }
          else
            for (int j = 0; j < s->n; j++)
              {
                double x = p->xlog ? log10 (s->x[j]) : s->x[j];
                if (!isfinite (s->ylo[j]) || !isfinite (s->yhi[j]) || !isfinite (x)) continue;
                ic_buf_printf (&b, "<circle cx=\"%.1f\" cy=\"%.2f\" r=\"2.5\" fill=\"%s\"/>", SX (x), SY ((s->ylo[j] + s->yhi[j]) / 2), c);
              }
        }
      ic_buf_puts (&b, "</g>\n");
    }
  ic_buf_puts (&b, "</svg>\n");
  /* legend, below the plot box and its axis label */
  for (int i = 0; i < p->nseries; i++)
    {
      const ic_plot_series *s = &p->s[i];
      double ly = H + 12 + 15 * erow[i];
      ic_buf_puts (&b, "<g class=\"legend\">");
      legend_swatch (&b, s, series_color (s, i), ex[i], ly);
      ic_buf_printf (&b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" font-family=\"sans-serif\">", ex[i] + 22, ly);
      legend_text (&b, s);
      ic_buf_puts (&b, "</text></g>\n");
    }
  ic_buf_puts (&b, "</svg>\n");
#undef SX
#undef SY
  return ic_buf_take (&b);
}
