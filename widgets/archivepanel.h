#pragma once

#include "data/archiveinfo.h"

#include <QWidget>

#include <vector>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace torchscope {

class RecordTableModel;

// What the zip container of an archive holds: its format version, folder, size and which optional parts it
// carries (debug info, lite-interpreter bytecode), a sortable table of its records, and its extra files
// (torch.jit.save's _extra_files) with a viewer for the selected one: JSON re-indented, other UTF-8 text as
// it is, anything else as a hex dump.
class ArchivePanel : public QWidget {
    Q_OBJECT
public:
    explicit ArchivePanel(QWidget* parent = nullptr);

    // Shows the archive and selects its first extra file, if any.
    void setArchive(const ArchiveInfo& info);
    void clear();

    // Shows the extra file named as in ArchiveInfo::extraFiles; false when there is none of that name.
    bool selectExtraFile(const QString& name);
    // The name of the extra file shown, empty when none.
    QString currentExtraFile() const;

    // The most bytes of a binary extra file the hex dump lists.
    static constexpr int maxHexBytes = 64 * 1024;

private:
    void showExtraFile(int index);

    RecordTableModel* m_records = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;

    QLabel* m_path = nullptr;
    QLabel* m_archiveName = nullptr;
    QLabel* m_fileSize = nullptr;
    QLabel* m_formatVersion = nullptr;
    QLabel* m_debugInfo = nullptr;
    QLabel* m_bytecode = nullptr;
    QTableView* m_table = nullptr;
    QListWidget* m_extraList = nullptr;
    QLabel* m_extraInfo = nullptr;
    QPlainTextEdit* m_viewer = nullptr;

    std::vector<ExtraFile> m_extraFiles;
};

} // namespace torchscope
