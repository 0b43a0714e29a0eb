/** Strings of the PDF printouts on the roster screens (namespace `pdf`). */
export const pdfZh = {
  roster: {
    button: '导出 PDF',
    internal: '内部名单（完整证件号码）',
    public: '公示版（证件号码、电话脱敏）',
    title: '导出花名册 PDF',
    running: '正在生成 PDF',
    done: '已生成花名册 PDF：{{households}} 户 {{persons}} 人，共 {{pages}} 页',
  },
  cards: {
    household: '打印明白卡',
    village: '打印本村明白卡',
    title: '打印扶贫明白卡',
    running: '正在生成明白卡',
    done: '已生成扶贫明白卡：{{households}} 户，共 {{pages}} 页',
  },
  open: '打开',
  missing: {
    title: '{{count}} 人的信息中有字体无法显示的字',
    text: 'PDF 中已印为〓，请在纸上手写补正：',
    item: '{{name}}（户编号 {{number}}）：{{chars}}',
    more: '…另有 {{count}} 人',
  },
};
export const pdfEn: typeof pdfZh = {
  roster: {
    button: 'Export PDF',
    internal: 'Internal list (full ID numbers)',
    public: 'Public notice (ID numbers and phones masked)',
    title: 'Export roster PDF',
    running: 'Writing the PDF',
    done: 'Roster PDF written: {{households}} households, {{persons}} persons, {{pages}} pages',
  },
  cards: {
    household: 'Print household card',
    village: 'Print cards for this village',
    title: 'Print household cards',
    running: 'Writing the cards',
    done: 'Household cards written: {{households}} households, {{pages}} pages',
  },
  open: 'Open',
  missing: {
    title: '{{count}} person(s) have characters the font cannot print',
    text: 'They are printed as 〓 in the PDF; write them in by hand:',
    item: '{{name}} (household {{number}}): {{chars}}',
    more: '…and {{count}} more',
  },
};
