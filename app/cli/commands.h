#pragma once

#include "command.h"

#include <memory>
#include <vector>

namespace wa::cli {

// Every subcommand, in the order `--help` lists them (defined in commands.cpp).
std::vector<std::unique_ptr<Command>> allCommands();

} // namespace wa::cli
