/* termop.h — the operations of a term tree (src/term.h), shared with the
 * proved evaluation step (src/kern/evalop.c) and its specification
 * (specs/term.acsl, which gives each operation its real meaning). */
#ifndef IC_TERMOP_H
#define IC_TERMOP_H
typedef enum {
  IC_NUM, IC_VAR, IC_PI, IC_E,
  IC_ADD, IC_SUB, IC_MUL, IC_DIV, IC_POW, IC_NEG,
  IC_LOG, IC_EXP, IC_SQRT, IC_SIN, IC_COS, IC_ATAN, IC_ABS, IC_FACT
} ic_op;
#endif
