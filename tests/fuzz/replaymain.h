#pragma once

// The main() of a fuzz target built without libFuzzer (GCC): it runs each file, or each file of
// each folder, given on its command line through LLVMFuzzerTestOneInput, so a seed corpus is a
// plain ctest. Include it once, after the target's LLVMFuzzerTestOneInput.

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

#ifndef WA_FUZZ_LIBFUZZER
int main(int argc, char **argv)
{
    int runs = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        QStringList files;
        if (QFileInfo(path).isDir()) {
            const QDir dir(path);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                files << dir.filePath(name);
        } else {
            files << path;
        }
        for (const QString &file : files) {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "%s: cannot read %s\n", argv[0], qPrintable(file));
                return 2;
            }
            const QByteArray bytes = in.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                   std::size_t(bytes.size()));
            ++runs;
        }
    }
    std::printf("%s: %d inputs, no property broken\n", argv[0], runs);
    return runs > 0 ? 0 : 2;
}
#endif
