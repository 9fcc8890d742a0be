/**
 * The words of the graph's editing tools (context menu, selection, undo and redo), in English and Arabic. Kept apart
 * from i18n.ts so these tools travel as one piece; the relation words themselves come from words.ts.
 */
import type { Language } from '../ui-types.ts';

export interface EditStrings {
  menuLabel(name: string): string;
  selectionMenuLabel(count: number): string;
  expandByType: string;
  expandType(relation: string, count: number): string;
  expandAll: string;
  countsLoading: string;
  countsFailed(message: string): string;
  countsNone: string;
  hide: string;
  pin: string;
  unpin: string;
  hideOthers: string;
  pathsFrom: string;
  showInSource: string;
  noSource: string;
  hideSelection(count: number): string;
  expandSelection(count: number): string;
  pinSelection(count: number): string;
  exportSelection(count: number): string;
  selected(count: number): string;
  clearSelection: string;
  boxSelect: string;
  boxSelectLabel: string;
  undo: string;
  redo: string;
  undoLabel(edit: string | null): string;
  redoLabel(edit: string | null): string;
  undone(edit: string): string;
  redone(edit: string): string;
  relayout: string;
  relayoutLabel: string;
  showHidden(count: number): string;
  /** Names of edits, as the undo button and the status line say them. */
  edits: {
    expand(name: string): string;
    expandType(name: string, relation: string): string;
    hide(name: string): string;
    hideMany(count: number): string;
    hideOthers(name: string): string;
    pin(name: string): string;
    unpin(name: string): string;
    pinMany(count: number): string;
    expandMany(count: number): string;
    showHidden: string;
    layout: string;
  };
}

const en: EditStrings = {
  menuLabel: (name) => `Actions on ${name}`,
  selectionMenuLabel: (count) => `Actions on ${count} selected`,
  expandByType: 'Expand by relationship',
  expandType: (relation, count) => `${relation} (${count})`,
  expandAll: 'Expand all neighbours',
  countsLoading: 'Counting relationships…',
  countsFailed: (message) => `Relationships could not be counted: ${message}`,
  countsNone: 'No relationships',
  hide: 'Hide',
  pin: 'Pin in place',
  unpin: 'Unpin',
  hideOthers: 'Hide everything else',
  pathsFrom: 'Paths from here',
  showInSource: 'Show in source',
  noSource: 'Nothing cites this in a source.',
  hideSelection: (count) => `Hide the ${count} selected`,
  expandSelection: (count) => `Expand the ${count} selected`,
  pinSelection: (count) => `Pin the ${count} selected`,
  exportSelection: (count) => `Export the ${count} selected (JSON)`,
  selected: (count) => `${count} selected`,
  clearSelection: 'Clear selection',
  boxSelect: 'Select area',
  boxSelectLabel: 'Drag on the graph to select an area (Shift+drag does the same without this)',
  undo: 'Undo',
  redo: 'Redo',
  undoLabel: (edit) => (edit ? `Undo: ${edit} (Ctrl+Z)` : 'Nothing to undo'),
  redoLabel: (edit) => (edit ? `Redo: ${edit} (Ctrl+Shift+Z)` : 'Nothing to redo'),
  undone: (edit) => `Undone: ${edit}`,
  redone: (edit) => `Redone: ${edit}`,
  relayout: 'Re-arrange',
  relayoutLabel: 'Run the layout again from where the nodes are (pinned nodes stay)',
  showHidden: (count) => `Show ${count} hidden`,
  edits: {
    expand: (name) => `expand ${name}`,
    expandType: (name, relation) => `expand ${name} by “${relation}”`,
    hide: (name) => `hide ${name}`,
    hideMany: (count) => `hide ${count}`,
    hideOthers: (name) => `hide everything but ${name}`,
    pin: (name) => `pin ${name}`,
    unpin: (name) => `unpin ${name}`,
    pinMany: (count) => `pin ${count}`,
    expandMany: (count) => `expand ${count}`,
    showHidden: 'show hidden',
    layout: 're-arrange',
  },
};

const ar: EditStrings = {
  menuLabel: (name) => `إجراءات على ${name}`,
  selectionMenuLabel: (count) => `إجراءات على ${count} محددة`,
  expandByType: 'توسيع حسب العلاقة',
  expandType: (relation, count) => `${relation} (${count})`,
  expandAll: 'توسيع كل الجيران',
  countsLoading: 'جارٍ عدّ العلاقات…',
  countsFailed: (message) => `تعذّر عدّ العلاقات: ${message}`,
  countsNone: 'لا علاقات',
  hide: 'إخفاء',
  pin: 'تثبيت في مكانه',
  unpin: 'إلغاء التثبيت',
  hideOthers: 'إخفاء كل ما عداه',
  pathsFrom: 'مسارات من هنا',
  showInSource: 'عرض في المصدر',
  noSource: 'لا يستشهد به أي مصدر.',
  hideSelection: (count) => `إخفاء المحدد (${count})`,
  expandSelection: (count) => `توسيع المحدد (${count})`,
  pinSelection: (count) => `تثبيت المحدد (${count})`,
  exportSelection: (count) => `تصدير المحدد (${count}) بصيغة JSON`,
  selected: (count) => `المحدد: ${count}`,
  clearSelection: 'إلغاء التحديد',
  boxSelect: 'تحديد منطقة',
  boxSelectLabel: 'اسحب على الرسم لتحديد منطقة (أو Shift مع السحب)',
  undo: 'تراجع',
  redo: 'إعادة',
  undoLabel: (edit) => (edit ? `تراجع: ${edit} (Ctrl+Z)` : 'لا شيء للتراجع عنه'),
  redoLabel: (edit) => (edit ? `إعادة: ${edit} (Ctrl+Shift+Z)` : 'لا شيء لإعادته'),
  undone: (edit) => `تم التراجع: ${edit}`,
  redone: (edit) => `أعيد: ${edit}`,
  relayout: 'إعادة الترتيب',
  relayoutLabel: 'تشغيل التخطيط مجددًا من مواضع العقد الحالية (تبقى المثبتة في مكانها)',
  showHidden: (count) => `إظهار المخفي (${count})`,
  edits: {
    expand: (name) => `توسيع ${name}`,
    expandType: (name, relation) => `توسيع ${name} حسب «${relation}»`,
    hide: (name) => `إخفاء ${name}`,
    hideMany: (count) => `إخفاء ${count}`,
    hideOthers: (name) => `إخفاء كل ما عدا ${name}`,
    pin: (name) => `تثبيت ${name}`,
    unpin: (name) => `إلغاء تثبيت ${name}`,
    pinMany: (count) => `تثبيت ${count}`,
    expandMany: (count) => `توسيع ${count}`,
    showHidden: 'إظهار المخفي',
    layout: 'إعادة الترتيب',
  },
};

export const editStrings = (language: Language): EditStrings => (language === 'ar' ? ar : en);
