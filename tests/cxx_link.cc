// cxx_link.cc — libinfcert from C++ (tests/test_cxx.sh builds it with g++
// and clang++): infcert.h must compile as C++ (its extern "C" block) and
// the C symbols must link.  Parses a term, certifies sum n^-2 to 10
// digits and checks the verdict and that pi^2/6 (MPFR's pi, squared, over
// 6, rounded outward: an independent reference) lies in the enclosure.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include "infcert.h"

static int fails = 0;
static void check (bool ok, const std::string &name, const std::string &why = "")
{
  if (ok) std::printf ("ok %s\n", name.c_str ());
  else { std::printf ("FAIL %s: %s\n", name.c_str (), why.c_str ()); fails++; }
}

struct node_free { void operator() (ic_node *e) const { ic_node_free (e); } };

int main ()
{
  ic_error err;
  std::unique_ptr<ic_node, node_free> bad (ic_term_parse ("1/n**2", &err));
  check (!bad && err.code == IC_EPARSE && err.column == 4, "c++: parse error with its column",
         "code " + std::to_string (err.code) + " column " + std::to_string (err.column));

  std::unique_ptr<ic_node, node_free> e (ic_term_parse ("n^-2", &err));
  check (e != nullptr, "c++: ic_term_parse", err.msg);
  if (!e) return 1;
  char *s = ic_term_to_string (e.get ());
  check (std::string (s) == "n^(-2)", "c++: ic_term_to_string", s);
  std::free (s);

  ic_options opt;
  ic_options_default (&opt);
  opt.digits = 10;
  ic_result r;
  ic_result_init (&r);
  ic_status st = ic_certify (&r, IC_KIND_SUM, e.get (), &opt, &err);
  check (st == IC_OK && r.verdict == IC_CONVERGES, "c++: sum n^-2 converges",
         std::string ("status ") + std::to_string (st) + " verdict " + ic_verdict_name (IC_KIND_SUM, r.verdict));
  check (std::string (ic_verdict_name (IC_KIND_SUM, r.verdict)) == "converges", "c++: ic_verdict_name");
  check (r.has_limit && r.digits >= 10, "c++: 10 digits certified", std::to_string (r.digits));

  // pi^2/6 rounded down and up at 200 bits
  mpfr_t lo, hi;
  mpfr_init2 (lo, 200);
  mpfr_init2 (hi, 200);
  mpfr_const_pi (lo, MPFR_RNDD);
  mpfr_const_pi (hi, MPFR_RNDU);
  mpfr_sqr (lo, lo, MPFR_RNDD);
  mpfr_sqr (hi, hi, MPFR_RNDU);
  mpfr_div_ui (lo, lo, 6, MPFR_RNDD);   // lo <= pi^2/6
  mpfr_div_ui (hi, hi, 6, MPFR_RNDU);   // hi >= pi^2/6
  bool inside = r.has_limit && mpfr_cmp (r.lo, lo) <= 0 && mpfr_cmp (hi, r.hi) <= 0;
  char *rl = r.has_limit ? ic_fr_to_decimal (r.lo, 20, MPFR_RNDD) : nullptr;
  char *rh = r.has_limit ? ic_fr_to_decimal (r.hi, 20, MPFR_RNDU) : nullptr;
  check (inside, "c++: pi^2/6 inside the enclosure",
         std::string ("[") + (rl ? rl : "?") + ", " + (rh ? rh : "?") + "]");
  std::free (rl);
  std::free (rh);
  char *js = ic_result_to_json (&r, "n^-2");
  check (js && std::string (js).find ("\"verdict\": \"converges\"") != std::string::npos, "c++: ic_result_to_json");
  std::free (js);
  mpfr_clear (lo);
  mpfr_clear (hi);
  ic_result_clear (&r);
  mpfr_free_cache ();
  return fails ? 1 : 0;
}
