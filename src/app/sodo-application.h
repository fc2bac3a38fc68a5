/* sodo-application.h: Sodo's application object, its command line and its app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SODO_TYPE_APPLICATION (sodo_application_get_type ())
G_DECLARE_FINAL_TYPE (SodoApplication, sodo_application, SODO, APPLICATION, AdwApplication)

SodoApplication *sodo_application_new           (void);
/* The settings of schema APP_ID; valid from "startup" on. */
GSettings       *sodo_application_get_settings  (SodoApplication *self);
/* The resource URIs of the bundled sample chart and regulation, opened when nothing else is. */
const char *const *sodo_application_get_sample_uris (void);

G_END_DECLS
