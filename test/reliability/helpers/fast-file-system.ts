// The real file system without fsync/fdatasync: for fuzzing the receiver 10,000 times, where durability is not
// what is under test and 10,000 fsyncs would take half a minute.
import { type FileSystem, nodeFileSystem } from '../../../main/engine/file-system.js';

export const noSyncFileSystem: FileSystem = {
  ...nodeFileSystem,
  fdatasync: async () => {},
  fsync: async () => {},
};
