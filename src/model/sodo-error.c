/* sodo-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-error.h"

G_DEFINE_QUARK (sodo-error-quark, sodo_error)
