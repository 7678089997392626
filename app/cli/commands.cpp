#include "commands.h"

#include "attemptscommand.h"
#include "createcommand.h"
#include "deactivatecommand.h"
#include "exportcommand.h"
#include "getcommand.h"
#include "importcommand.h"
#include "keycommand.h"
#include "listcommand.h"
#include "listencommand.h"
#include "orgcommand.h"
#include "profilecommand.h"
#include "resendcommand.h"
#include "servecommand.h"
#include "signcommand.h"
#include "taskcommand.h"
#include "testcommand.h"
#include "updatecommand.h"
#include "verifycommand.h"

namespace wa::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    // Each subcommand adds one line here: commands.push_back(std::make_unique<XCommand>());
    commands.push_back(std::make_unique<ListCommand>());
    commands.push_back(std::make_unique<GetCommand>());
    commands.push_back(std::make_unique<CreateCommand>());
    commands.push_back(std::make_unique<UpdateCommand>());
    commands.push_back(std::make_unique<DeactivateCommand>());
    commands.push_back(std::make_unique<TestCommand>());
    commands.push_back(std::make_unique<TaskCommand>());
    commands.push_back(std::make_unique<OrgCommand>());
    commands.push_back(std::make_unique<KeyCommand>());
    commands.push_back(std::make_unique<AttemptsCommand>());
    commands.push_back(std::make_unique<ResendCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<ImportCommand>());
    commands.push_back(std::make_unique<ProfileCommand>());
    commands.push_back(std::make_unique<ServeCommand>());
    commands.push_back(std::make_unique<ListenCommand>());
    commands.push_back(std::make_unique<SignCommand>());
    commands.push_back(std::make_unique<VerifyCommand>());
    return commands;
}

} // namespace wa::cli
