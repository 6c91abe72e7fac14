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

void ic_plot_clear (ic_plot *p)
{
  for (int i = 0; i < p->nseries; i++)
    { free (p->s[i].name); free (p->s[i].x); free (p->s[i].ylo); free (p->s[i].yhi); free (p->s[i].note); }
  free (p->s); free (p->title); free (p->xlabel); free (p->ylabel);
  memset (p, 0, sizeof *p);
}

static const char *colors[] = { "#1f5fbf", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#555555" };

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

char *ic_svg_plot (const ic_plot *p, int W, int H)
{
  const double L = 64, R = 16, T = 28, B = 44;
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
  if (!isfinite (x0)) { x0 = 0; x1 = 1; }
  if (!isfinite (y0)) { y0 = 0; y1 = 1; }
  if (x1 - x0 < 1e-12) { x0 -= 0.5; x1 += 0.5; }
  if (y1 - y0 < 1e-12) { y0 -= 0.5; y1 += 0.5; }
  double pad = (y1 - y0) * 0.05; y0 -= pad; y1 += pad;
  double pw = W - L - R, ph = H - T - B;
#define SX(v) (L + ((v) - x0) / (x1 - x0) * pw)
#define SY(v) (T + (y1 - (v)) / (y1 - y0) * ph)
  ic_buf b; ic_buf_init (&b);
  ic_buf_printf (&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", W, H, W, H);
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
      if (p->xlog) ic_buf_printf (&b, "1e%d", (int) lround (v));
      else fmt_num (&b, fabs (v) < 1e-9 * xs ? 0 : v);
      ic_buf_puts (&b, "</text>\n");
    }
  ic_buf_printf (&b, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" font-family=\"sans-serif\">", L + pw / 2, H - 6);
  ic_buf_html (&b, p->xlabel);
  ic_buf_printf (&b, "</text>\n<text x=\"12\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" font-family=\"sans-serif\" transform=\"rotate(-90 12 %.1f)\">", T + ph / 2, T + ph / 2);
  ic_buf_html (&b, p->ylabel);
  ic_buf_puts (&b, "</text>\n");
  /* series */
  for (int i = 0; i < p->nseries; i++)
    {
      const ic_plot_series *s = &p->s[i];
      const char *c = colors[i % 6];
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
            ic_buf_printf (&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>", SX (x), T, SX (x), T + ph, c);
          }
      else if (s->style == IC_PLOT_BAND)
        {
          /* polygon: upper edge left to right, lower edge right to left */
          ic_buf_printf (&b, "<polygon fill=\"%s\" fill-opacity=\"0.35\" stroke=\"%s\" stroke-width=\"0.8\" points=\"", c, c);
          for (int j = 0; j < s->n; j++)
            {
              double x = p->xlog ? log10 (s->x[j]) : s->x[j];
              double yv = isfinite (s->yhi[j]) ? s->yhi[j] : y1;
              ic_buf_printf (&b, "%.1f,%.2f ", SX (x), SY (yv) - 0.5);
            }
          for (int j = s->n - 1; j >= 0; j--)
            {
              double x = p->xlog ? log10 (s->x[j]) : s->x[j];
              double yv = isfinite (s->ylo[j]) ? s->ylo[j] : y0;
              ic_buf_printf (&b, "%.1f,%.2f ", SX (x), SY (yv) + 0.5);
            }
          ic_buf_puts (&b, "\"/>");
        }
      else
        {
          if (s->style == IC_PLOT_LINE)
            {
              ic_buf_printf (&b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" points=\"", c);
              for (int j = 0; j < s->n; j++)
                {
                  double x = p->xlog ? log10 (s->x[j]) : s->x[j];
                  if (!isfinite (s->ylo[j])) continue;
                  ic_buf_printf (&b, "%.1f,%.2f ", SX (x), SY (s->ylo[j]));
                }
              ic_buf_puts (&b, "\"/>");
            }
          else
            for (int j = 0; j < s->n; j++)
              {
                double x = p->xlog ? log10 (s->x[j]) : s->x[j];
                if (!isfinite (s->ylo[j])) continue;
                ic_buf_printf (&b, "<circle cx=\"%.1f\" cy=\"%.2f\" r=\"2.5\" fill=\"%s\"/>", SX (x), SY ((s->ylo[j] + s->yhi[j]) / 2), c);
              }
        }
      ic_buf_puts (&b, "</g>\n");
      /* legend entry */
      double ly = T + 12 + 14 * i;
      ic_buf_printf (&b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\" fill-opacity=\"0.6\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" font-family=\"sans-serif\">", L + pw - 200, ly - 9, c, L + pw - 186, ly);
      ic_buf_html (&b, s->name);
      if (!s->certified) ic_buf_puts (&b, " (approximate)");
      ic_buf_puts (&b, "</text>\n");
    }
  ic_buf_puts (&b, "</svg>\n");
#undef SX
#undef SY
  return ic_buf_take (&b);
}
