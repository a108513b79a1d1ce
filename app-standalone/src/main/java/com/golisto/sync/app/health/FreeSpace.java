package com.golisto.sync.app.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much space is free for the runner's files under a folder: the usable bytes of the folder's file store.
 * The default asks the operating system; tests pass one that reports a full disk without filling one.
 */
@FunctionalInterface
public interface FreeSpace {

    /** The operating system's answer: {@link java.nio.file.FileStore#getUsableSpace()} of the folder's store. */
    FreeSpace OF_FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();

    /**
     * The bytes a new file in this folder may still take.
     *
     * @throws IOException when the folder or its file store cannot be read
     */
    long usableBytes(Path folder) throws IOException;
}
