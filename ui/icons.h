#pragma once

#include <QFile>
#include <QIcon>
#include <QString>

namespace wa {

// An SVG icon of the resources library (":/icons/<name>.svg"); the theme's icon of the same
// role when the library is not linked (a build without resources).
inline QIcon themedIcon(const QString &name, const QString &themeName = {})
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    if (QFile::exists(path))
        return QIcon(path);
    return QIcon::fromTheme(themeName.isEmpty() ? name : themeName);
}

} // namespace wa
