#include "stateoption.h"

#include <QStringList>

namespace wa::cli {

std::variant<QList<ConfigState>, QString> parseStates(const QString &text)
{
    QList<ConfigState> states;
    for (const QString &name : text.split(u',')) {
        const auto state = configStateFromString(name.trimmed());
        if (!state)
            return QStringLiteral("--state: '%1' is not one of new, valid, invalid, deactivated.")
                .arg(name.trimmed());
        states.append(*state);
    }
    return states;
}

} // namespace wa::cli
