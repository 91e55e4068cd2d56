import { describe, expect, it } from 'vitest';
import { readMarker } from '../../../src/import/detect-format.ts';
import { splitSections } from '../../../src/import/split-sections.ts';
import { toLines } from '../../../src/import/to-lines.ts';

const formats = (text: string) =>
  splitSections(toLines(text)).sections.map((s) => [
    s.format,
    s.lines.filter((l) => l.text.trim() !== '').map((l) => l.no),
  ]);

describe('recognising command outputs by content', () => {
  it('reads Debian and RHEL prompts, comments, sudo and bare command lines as markers', () => {
    expect(readMarker({ no: 1, text: 'root@hv1:~# ip xfrm state' })).toEqual({
      command: 'ip xfrm state',
      host: 'hv1',
      format: 'xfrm',
    });
    expect(readMarker({ no: 1, text: '[root@node-b ~]# ovs-vsctl list Open_vSwitch' })).toEqual({
      command: 'ovs-vsctl list Open_vSwitch',
      host: 'node-b',
      format: undefined,
    });
    expect(readMarker({ no: 1, text: '$ sudo swanctl --list-sas --raw' })).toEqual({
      command: 'swanctl --list-sas --raw',
      format: 'swanctl-raw',
    });
    expect(readMarker({ no: 1, text: 'ip xfrm policy' })).toEqual({
      command: 'ip xfrm policy',
      format: 'xfrm',
    });
    expect(readMarker({ no: 1, text: '# plainsight-host: hv7' })).toEqual({
      command: 'plainsight-host: hv7',
      host: 'hv7',
      format: null,
    });
    // Prose that merely mentions a command stays a comment.
    expect(readMarker({ no: 1, text: "# Real output: 'ip xfrm policy' in a netns" })?.format).toBeNull();
    expect(readMarker({ no: 1, text: 'src 10.0.0.1 dst 10.0.0.2' })).toBeUndefined();
  });

  it('splits an unmarked concatenation where another format starts at column 0', () => {
    const text = [
      'Chassis hv1',
      '    Encap geneve',
      '        ip: "10.0.0.1"',
      'src 10.0.0.1 dst 10.0.0.2',
      '\tproto esp spi 0x1 reqid 1 mode transport',
      'true',
    ].join('\n');
    expect(formats(text)).toEqual([
      ['ovn-sbctl-show', [1, 2, 3]],
      ['xfrm', [4, 5]],
      ['nb-ipsec-flag', [6]],
    ]);
  });

  it("keeps the file's line numbers in every section", () => {
    const text = [
      '# ovs-vsctl show',
      '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      '    Bridge br-int',
      '# ip xfrm policy',
      'src 0.0.0.0/0 dst 0.0.0.0/0 proto gre ',
      '\tdir out action block priority 100 ptype main ',
    ].join('\n');
    expect(formats(text)).toEqual([
      ['ovs-vsctl-show', [2, 3]],
      ['xfrm', [5, 6]],
    ]);
  });
});
