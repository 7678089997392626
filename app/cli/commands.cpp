#include "commands.h"

namespace wa::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    // Each subcommand adds one line here: commands.push_back(std::make_unique<XCommand>());
    return commands;
}

} // namespace wa::cli
