/* kefuctl-random.c: xoshiro256** and a Feistel permutation, for reproducible sample data. */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "kefuctl-random.h"

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

void
kefuctl_random_init (KefuctlRandom *random,
                     guint64        seed)
{
  guint64 state = seed;

  g_assert (random != NULL);

  /* splitmix64 spreads even tiny seeds (0, 1, 2 …) over the whole state, and never yields the
   * all-zero state that xoshiro cannot leave. */
  for (guint i = 0; i < G_N_ELEMENTS (random->s); i++)
    random->s[i] = splitmix64 (&state);
}

guint64
kefuctl_random_next (KefuctlRandom *random)
{
  guint64 *s = random->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

guint32
kefuctl_random_below (KefuctlRandom *random,
                      guint32        n)
{
  guint64 m;
  guint32 low;

  g_assert (n > 0);

  /* Lemire's multiply-and-reject: unbiased, and a division only on the rare rejection path. */
  m = (guint64) (guint32) (kefuctl_random_next (random) >> 32) * n;
  low = (guint32) m;
  if (low < n)
    {
      guint32 threshold = (guint32) (-n) % n;

      while (low < threshold)
        {
          m = (guint64) (guint32) (kefuctl_random_next (random) >> 32) * n;
          low = (guint32) m;
        }
    }

  return (guint32) (m >> 32);
}

gboolean
kefuctl_random_permille (KefuctlRandom *random,
                         guint          permille)
{
  return kefuctl_random_below (random, 1000) < permille;
}

guint
kefuctl_random_weighted (KefuctlRandom *random,
                         const guint   *weights,
                         guint          n,
                         guint          total)
{
  guint pick;

  g_assert (n > 0 && total > 0);

  pick = kefuctl_random_below (random, total);
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }

  g_assert_not_reached ();
  return n - 1;
}

guint32
kefuctl_permute (guint32 value,
                 guint   bits,
                 guint64 key)
{
  guint half = bits / 2;
  guint32 mask = (1u << half) - 1;
  guint32 left, right;

  g_assert (bits % 2 == 0 && bits >= 2 && bits <= 32);
  g_assert (bits == 32 || value < (1u << bits));

  left = (value >> half) & mask;
  right = value & mask;

  /* A Feistel network is a bijection whatever its round function, so any well-mixing hash of
   * (round key, half) does; four rounds make neighbouring indexes land far apart. */
  for (guint round = 0; round < 4; round++)
    {
      guint64 state = key + round * G_GUINT64_CONSTANT (0x632be59bd9b4e019) + right;
      guint32 f = (guint32) splitmix64 (&state) & mask;
      guint32 next = left ^ f;

      left = right;
      right = next;
    }

  return (left << half) | right;
}
