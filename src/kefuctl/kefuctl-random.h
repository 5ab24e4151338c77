/* kefuctl-random.h: a small deterministic random generator for kefuctl's sample data.
 *
 * `kefuctl generate --seed S` must give the same data for the same seed on every machine and
 * every C library, so it cannot use rand() (whose sequence differs between libcs) or GRand
 * (whose algorithm GLib may change). This is xoshiro256** seeded with splitmix64, and only
 * integer arithmetic, so no floating-point rounding can make two builds disagree.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
} KefuctlRandom;

void     kefuctl_random_init      (KefuctlRandom *random,
                                   guint64        seed);
guint64  kefuctl_random_next      (KefuctlRandom *random);
/* A uniform integer in [0, n), without modulo bias; n must be > 0. */
guint32  kefuctl_random_below     (KefuctlRandom *random,
                                   guint32        n);
/* TRUE with probability permille / 1000. */
gboolean kefuctl_random_permille  (KefuctlRandom *random,
                                   guint          permille);
/* An index into `weights` (n of them), chosen in proportion to the weights. */
guint    kefuctl_random_weighted  (KefuctlRandom *random,
                                   const guint   *weights,
                                   guint          n,
                                   guint          total);

/* A keyed bijection on [0, 2^bits) for an even `bits` ≤ 32 (a four-round Feistel network).
 * Mapping distinct sequential indexes through it gives distinct values that look random, which
 * is how kefuctl makes a million unique phone numbers without remembering the ones it used. */
guint32  kefuctl_permute          (guint32        value,
                                   guint          bits,
                                   guint64        key);

G_END_DECLS
