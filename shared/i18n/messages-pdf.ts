/** Messages of the PDF printouts (roster list, household cards, poster tiling). */
export const pdfMessages = {
  'zh-CN': {
    'pdf.noHouseholds': '所选范围内没有贫困户，未生成 PDF',
    'pdf.notice.order': '公示期的结束日期不能早于开始日期',
    'pdf.notice.long': '公示期不能超过 90 天',
    'pdf.householdUnknown': '找不到户编号为 {{number}} 的贫困户',
    'pdf.villageUnknown': '找不到代码为 {{code}} 的行政村',
    'pdf.notPdf': '所选文件不是可读的 PDF 文件',
    'pdf.overlap': '重叠宽度应在 0 到 50 毫米之间',
  },
  en: {
    'pdf.noHouseholds': 'No households in the chosen scope; no PDF was written',
    'pdf.notice.order': 'The notice period cannot end before it starts',
    'pdf.notice.long': 'The notice period is at most 90 days',
    'pdf.householdUnknown': 'No household with number {{number}}',
    'pdf.villageUnknown': 'No village with code {{code}}',
    'pdf.notPdf': 'The chosen file is not a readable PDF',
    'pdf.overlap': 'The overlap must be between 0 and 50 mm',
  },
} as const;
