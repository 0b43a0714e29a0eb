/** Messages about reading and writing files (xlsx, csv): same shape as messages.ts. */
const zh = {
  // Opening a file to import
  'file.notFound': '找不到文件「{{name}}」，它可能已被移动、改名或删除',
  'file.notAFile': '「{{name}}」是一个文件夹，不是文件',
  'file.unreadable': '无法读取文件「{{name}}」：可能正被其他程序占用，或没有读取权限',
  'file.empty': '文件「{{name}}」是空的，里面没有任何内容',
  'file.unknownType': '文件「{{name}}」不是 Excel（.xlsx）或 CSV 文件',
  'file.xlsOrEncrypted': '文件「{{name}}」是旧版 .xls 文件或加密的工作簿，请在 Excel 中“另存为” .xlsx 后再导入',
  'file.markupXls': '文件「{{name}}」实际上是网页格式的表格（系统导出的 .xls 常常如此），请用 Excel 打开后“另存为” .xlsx 再导入',
  'file.notXlsx': '文件「{{name}}」是压缩包，但不是 Excel 工作簿（.xlsx），请在 Excel 中打开后“另存为” .xlsx 再导入',
  'file.corrupt': '文件「{{name}}」已损坏或不完整（可能没有下载或复制完），无法读取；请用 Excel 打开检查，必要时重新导出',
  'file.tooLarge': '文件「{{name}}」解压后的内容过大或压缩比例异常，为防止电脑卡死已停止读取',
  'file.encrypted': '文件「{{name}}」设置了密码，请在 Excel 中取消密码并保存后再导入',
  'file.noSheet': '工作簿「{{name}}」中没有可读取的工作表',
  'file.sheetIndex': '工作簿「{{name}}」只有 {{count}} 个工作表，没有第 {{number}} 个',
  'file.sheetNotFound': '工作簿「{{name}}」中没有名为「{{sheet}}」的工作表',
  'file.csvEncoding': '无法识别文件「{{name}}」的文字编码（不是 UTF-8，也不是 GBK/GB18030），请在 Excel 中“另存为” .xlsx 或“CSV UTF-8”后再导入',
  'file.csvUnclosedQuote': '文件「{{name}}」第 {{row}} 行有一个没有配对的引号（"），从这里开始无法分列，请检查这一行',
  'file.csvFieldTooLong': '文件「{{name}}」第 {{row}} 行的内容过长，不像是表格数据，请确认选对了文件',
  // Saving an export
  'file.writeFolderMissing': '保存位置「{{folder}}」不存在（文件夹可能已被删除，或移动存储已拔出），文件「{{name}}」没有保存；请重新选择保存位置',
  'file.writeDenied': '保存位置「{{folder}}」是只读的或没有权限，文件「{{name}}」没有保存；请换一个保存位置',
  'file.writeIo': '读写出错（磁盘或移动存储可能已损坏或已拔出），文件「{{name}}」没有保存；请检查后换一个保存位置重试',
  'file.writeBusy': '文件「{{name}}」正被其他程序（如 Excel）打开，请关闭后重试',
  'file.diskFull': '磁盘已满，文件「{{name}}」没有保存；请清理磁盘空间或换一个保存位置',
  'file.tooManyRows': '工作表「{{sheet}}」超过 Excel 的上限（{{max}} 行），文件「{{name}}」没有保存；请分批导出',
  'file.cellTooLong': '工作表「{{sheet}}」第 {{row}} 行 {{column}} 列的内容超过 Excel 单元格上限（{{max}} 个字），文件「{{name}}」没有保存',
  // Evidence files (佐证材料)
  'evidence.tooLarge': '佐证材料「{{name}}」有 {{size}} MB，超过上限 {{max}} MB；请压缩或拆分后再添加',
  'evidence.empty': '佐证材料「{{name}}」是空文件，没有添加',
  'evidence.missing': '佐证材料「{{name}}」已不在数据文件夹中，可能被移动或删除',
  // The preview in a browser (npm run preview): a picked file is uploaded to it
  'preview.uploadTooLarge': '文件「{{name}}」超过 {{max}} MB，预览版不能上传这么大的文件',
  'preview.uploadFailed': '文件「{{name}}」没有上传完整，请重新选择',
};

type FileMessageKey = keyof typeof zh;

const en: Record<FileMessageKey, string> = {
  'file.notFound': 'The file "{{name}}" was not found; it may have been moved, renamed or deleted',
  'file.notAFile': '"{{name}}" is a folder, not a file',
  'file.unreadable': 'The file "{{name}}" cannot be read: another program may be using it, or you lack permission',
  'file.empty': 'The file "{{name}}" is empty',
  'file.unknownType': 'The file "{{name}}" is not an Excel (.xlsx) or CSV file',
  'file.xlsOrEncrypted': 'The file "{{name}}" is an old .xls file or an encrypted workbook; save it as .xlsx in Excel, then import it',
  'file.markupXls': 'The file "{{name}}" is really a web-page table (common for .xls exported by online systems); open it in Excel, save it as .xlsx, then import it',
  'file.notXlsx': 'The file "{{name}}" is a zip archive but not an Excel workbook (.xlsx); open it in Excel, save it as .xlsx, then import it',
  'file.corrupt': 'The file "{{name}}" is damaged or incomplete (perhaps not fully downloaded or copied) and cannot be read; check it in Excel or export it again',
  'file.tooLarge': 'The file "{{name}}" unpacks to too much data or is compressed suspiciously well; reading stopped to keep the computer responsive',
  'file.encrypted': 'The file "{{name}}" is password-protected; remove the password in Excel, save, then import it',
  'file.noSheet': 'The workbook "{{name}}" has no worksheet to read',
  'file.sheetIndex': 'The workbook "{{name}}" has {{count}} worksheet(s), not {{number}}',
  'file.sheetNotFound': 'The workbook "{{name}}" has no worksheet named "{{sheet}}"',
  'file.csvEncoding': 'The text encoding of "{{name}}" is neither UTF-8 nor GBK/GB18030; save it in Excel as .xlsx or "CSV UTF-8", then import it',
  'file.csvUnclosedQuote': 'Record {{row}} of "{{name}}" has a quote (") that is never closed, so the columns cannot be split from there; check that line',
  'file.csvFieldTooLong': 'Record {{row}} of "{{name}}" is too long to be table data; check that this is the right file',
  'file.writeFolderMissing': 'The folder "{{folder}}" does not exist (it may have been deleted, or the removable drive unplugged); "{{name}}" was not saved. Choose where to save again',
  'file.writeDenied': 'The folder "{{folder}}" is read-only or you lack permission; "{{name}}" was not saved. Choose another place',
  'file.writeIo': 'A read/write error occurred (the disk or removable drive may be damaged or unplugged); "{{name}}" was not saved. Check it and save elsewhere',
  'file.writeBusy': 'The file "{{name}}" is open in another program (such as Excel); close it and retry',
  'file.diskFull': 'The disk is full; "{{name}}" was not saved. Free some space or save elsewhere',
  'file.tooManyRows': 'The sheet "{{sheet}}" has more rows than Excel allows ({{max}}); "{{name}}" was not saved. Export in parts',
  'file.cellTooLong': 'Sheet "{{sheet}}", row {{row}}, column {{column}} holds more than Excel allows in a cell ({{max}} characters); "{{name}}" was not saved',
  'evidence.tooLarge': 'The evidence file "{{name}}" is {{size}} MB, over the {{max}} MB limit; compress or split it first',
  'evidence.empty': 'The evidence file "{{name}}" is empty and was not added',
  'evidence.missing': 'The evidence file "{{name}}" is no longer in the data folder; it may have been moved or deleted',
  'preview.uploadTooLarge': 'The file "{{name}}" is over {{max}} MB, too large to upload to the preview',
  'preview.uploadFailed': 'The file "{{name}}" was not uploaded completely; choose it again',
};

export const fileMessages: { 'zh-CN': Record<string, string>; en: Record<string, string> } = { 'zh-CN': zh, en };
