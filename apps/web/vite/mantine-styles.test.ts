import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appMantineStylesheets,
  importedNames,
  mantineCoreDir,
  orderedStylesheets,
  stylesReached,
} from './mantine-styles';

const srcDir = resolve(import.meta.dirname, '../src');
const coreDir = mantineCoreDir(srcDir);

describe('issue 8: only the Mantine stylesheets the app uses', () => {
  it('reads the value imports from @mantine/core, not the type-only ones', () => {
    const names = importedNames([
      "import { Button, type MantineColor, Menu as M } from '@mantine/core';",
      "import type { MantineTheme } from '@mantine/core';",
      'import {\n  Select,\n  Table,\n} from "@mantine/core";',
      "import { Notifications } from '@mantine/notifications';",
    ]);
    expect([...names].sort()).toEqual(['Button', 'Menu', 'Select', 'Table']);
  });

  it("follows a component through Mantine's modules to the stylesheets it needs", () => {
    // Select is drawn by Input, Combobox and Popover; it has no stylesheet of its own.
    expect([...stylesReached(coreDir, ['Select'])]).toEqual(expect.arrayContaining(['Input', 'Combobox', 'Popover']));
    expect([...stylesReached(coreDir, ['Modal'])]).toEqual(
      expect.arrayContaining(['Modal', 'ModalBase', 'Overlay', 'CloseButton']),
    );
    // A component the app doesn't use brings nothing.
    expect(stylesReached(coreDir, ['Select']).has('Table')).toBe(false);
    expect(() => stylesReached(coreDir, ['NoSuchComponent'])).toThrow(/not an export/);
  });

  it("keeps styles.css's order, after the baseline, the default variables and the global styles", () => {
    const order = orderedStylesheets(coreDir, ['Table', 'Button', 'UnstyledButton']);
    expect(order).toEqual([
      '@mantine/core/styles/baseline.css',
      '@mantine/core/styles/default-css-variables.css',
      '@mantine/core/styles/global.css',
      '@mantine/core/styles/UnstyledButton.css',
      '@mantine/core/styles/Button.css',
      '@mantine/core/styles/Table.css',
    ]);
  });

  it('covers every component the app imports, and the Notification card of @mantine/notifications', () => {
    const sheets = new Set(appMantineStylesheets(srcDir).map((path) => path.split('/').pop()));
    for (const needed of ['Table.css', 'Menu.css', 'Modal.css', 'Input.css', 'Combobox.css', 'Notification.css']) {
      expect(sheets.has(needed), needed).toBe(true);
    }
    // …and leaves out what it does not use: far less than the whole library.
    const all = readFileSync(join(coreDir, 'styles.css'), 'utf8').length;
    const used = [...sheets].reduce(
      (sum, name) => sum + readFileSync(join(coreDir, 'styles', name!), 'utf8').length,
      0,
    );
    expect(sheets.has('Slider.css')).toBe(false);
    expect(used).toBeLessThan(all * 0.7);
  });
});
