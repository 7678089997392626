#include "configtable.h"

#include "configfilterproxy.h"
#include "configtablemodel.h"
#include "statebadgedelegate.h"
#include "testprogressdelegate.h"

#include <QAction>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace wa {

namespace {
constexpr int CellPadding = 16; // the style's margins around a cell's text, with room to spare
constexpr int FitDelayMs = 60;
} // namespace

ConfigTable::ConfigTable(ConfigFilterProxy *proxy, ConfigTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(m_stack))
    , m_empty(new EmptyState(m_stack))
    , m_columnsMenu(new QMenu(tr("&Columns"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_view->setObjectName(QStringLiteral("configTable"));
    m_view->setModel(proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection); // Shift, Ctrl, Ctrl+A
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // a cut URL keeps its host and its last part
    m_view->setAlternatingRowColors(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConfigTableModel::Created, Qt::DescendingOrder);
    m_view->setItemDelegateForColumn(ConfigTableModel::State, new StateBadgeDelegate(m_view));
    m_view->setItemDelegateForColumn(ConfigTableModel::LastTest, new TestProgressDelegate(m_view));

    QHeaderView *header = m_view->horizontalHeader();
    header->setObjectName(QStringLiteral("configTableHeader"));
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(24);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ConfigTableModel::Url, QHeaderView::Stretch);
    header->setSectionResizeMode(ConfigTableModel::Default, QHeaderView::Fixed);
    header->setSectionHidden(ConfigTableModel::Id, true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint &pos) { m_columnsMenu->popup(header->mapToGlobal(pos)); });
    connect(header, &QHeaderView::sectionResized, this, [this](int section, int, int) {
        // Dragged by the user: their width stands for the rest of the session.
        if (!m_fitting && section == ConfigTableModel::LastTest
            && QGuiApplication::mouseButtons() != Qt::NoButton)
            m_lastTestSizedByHand = true;
    });
    buildColumnsMenu();

    // What the rows on screen say changes: fit "Last test" to it (a short pause first, so that
    // a burst of outcomes costs one pass).
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (topLeft.column() <= ConfigTableModel::LastTest
                    && bottomRight.column() >= ConfigTableModel::LastTest)
                    scheduleFit();
            });
    connect(proxy, &QAbstractItemModel::modelReset, this, &ConfigTable::scheduleFit);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &ConfigTable::scheduleFit);
    m_view->viewport()->installEventFilter(this);
    fitColumns();
}

ConfigTable::~ConfigTable() = default;

void ConfigTable::buildColumnsMenu()
{
    m_columnsMenu->setObjectName(QStringLiteral("columnsMenu"));
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < ConfigTableModel::ColumnCount; ++column) {
        if (column == ConfigTableModel::State || column == ConfigTableModel::Url)
            continue; // what a row is about: always shown
        QString title = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        if (title.isEmpty())
            title = m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        auto *action = m_columnsMenu->addAction(title);
        action->setObjectName(QStringLiteral("actionColumn%1").arg(column));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            fitColumns();
        });
        connect(header, &QHeaderView::sectionCountChanged, action,
                [action, header, column] { action->setChecked(!header->isSectionHidden(column)); });
    }
}

void ConfigTable::setEmptyState(std::optional<EmptyState::Kind> kind, const QString &why)
{
    if (!kind) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    m_empty->setKind(*kind, why);
    m_stack->setCurrentWidget(m_empty);
}

QByteArray ConfigTable::saveState() const
{
    return m_view->horizontalHeader()->saveState();
}

void ConfigTable::restoreState(const QByteArray &state)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state))
        return;
    // The URL takes the spare width whatever an older version saved.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ConfigTableModel::Url, QHeaderView::Stretch);
    for (QAction *action : m_columnsMenu->actions()) {
        const int column = action->objectName().mid(qstrlen("actionColumn")).toInt();
        const QSignalBlocker blocker(action);
        action->setChecked(!header->isSectionHidden(column));
    }
    fitColumns();
}

void ConfigTable::scheduleFit()
{
    if (m_fitScheduled)
        return;
    m_fitScheduled = true;
    QTimer::singleShot(FitDelayMs, this, [this] {
        m_fitScheduled = false;
        fitColumns();
    });
}

void ConfigTable::fitColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics fm(m_view->font());
    const QFontMetrics headerFm(header->font());
    auto headerWidth = [&](int column) {
        return headerFm.horizontalAdvance(
                   m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())
            + CellPadding + 16; // the sort indicator
    };
    m_fitting = true;
    // State: the widest badge, whole.
    int state = headerWidth(ConfigTableModel::State);
    for (ConfigState s :
         {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated}) {
        state = std::max(
            state, StateBadgeDelegate::badgeWidth(m_view->font(), ConfigTableModel::stateText(s)));
    }
    header->resizeSection(ConfigTableModel::State, state);
    header->resizeSection(ConfigTableModel::Default,
                          m_view->iconSize().width() > 0 ? m_view->iconSize().width() + 16 : 32);
    // Created: a date in this locale's short form.
    const QString sampleDate
        = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58)), QLocale::ShortFormat);
    header->resizeSection(ConfigTableModel::Created,
                          std::max(headerWidth(ConfigTableModel::Created),
                                   fm.horizontalAdvance(sampleDate) + CellPadding));
    if (header->sectionSize(ConfigTableModel::Id) < fm.horizontalAdvance(QString(36, u'8')))
        header->resizeSection(ConfigTableModel::Id,
                              fm.horizontalAdvance(QString(36, u'8')) + CellPadding);
    // Last test: what the rows on screen say, up to a share of the width.
    if (!m_lastTestSizedByHand) {
        int wanted = headerWidth(ConfigTableModel::LastTest);
        const QAbstractItemModel *shown = m_view->model();
        const int rows = shown->rowCount();
        if (rows > 0) {
            const int first = std::max(0, m_view->rowAt(0));
            int last = m_view->rowAt(m_view->viewport()->height() - 1);
            if (last < 0)
                last = rows - 1;
            for (int row = first; row <= last; ++row) {
                const QString text
                    = shown->index(row, ConfigTableModel::LastTest).data().toString();
                wanted = std::max(wanted, fm.horizontalAdvance(text) + CellPadding);
            }
        }
        const int cap = m_view->viewport()->width() * LastTestShare / 100;
        header->resizeSection(ConfigTableModel::LastTest, std::min(wanted, std::max(cap, 120)));
    }
    m_fitting = false;
}

bool ConfigTable::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        scheduleFit();
    return QWidget::eventFilter(watched, event);
}

} // namespace wa
