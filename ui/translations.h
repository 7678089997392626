#pragma once

#include <QLocale>

namespace wa {

// Installs the console's translation for `locale` (embedded at :/i18n/) and Qt's own
// (qtbase_<lang>, from the system's Qt translations, for standard buttons and dialogs) on the
// application; the translators are its children, so they live as long as it does. The first of
// the locale's UI languages that is English or that we ship wins: "LANGUAGE=en:de" stays English.
// Qt's file is optional (Debian's qt6-translations-l10n) and speaks in the GUI thread only; ours
// is in the binary. Returns whether a translation of ours was installed (false for English,
// which needs none).
bool installTranslations(const QLocale &locale);

} // namespace wa
