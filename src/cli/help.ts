/**
 * Help texts of the CLI. Kept next to the parser so options and their documentation change together.
 */

const GENERAL = `Plainsight: network encryption planning from a scenario file.

Usage:
  plainsight analyze <file> [--format text|json|md|html|pdf] [--out <path>] [--attacker <id>]...
                         [--compare] [--cpu-calibration [<host>=]<openssl-output>]... [--date <day>]
  plainsight report <file> [--format html|md|json|pdf] [--out <path>] [--date <day>] ...
  plainsight diff <before> <after> [--format text|json|md|html] [--out <path>]
  plainsight validate <file>
  plainsight cpu-calibration <openssl-output>
  plainsight import <host outputs or directories>... [--out scenario.yaml] [--name <name>]
  plainsight generate [--hosts N] [--sites N] [--overlay ovn|ovs|none] [--no-ipsec] ... [--out <path>]
  plainsight help [command]
  plainsight --version

Commands:
  analyze   Which links and flows stay plaintext, to which attacker; findings and requirements.
  report    The full scenario report for a design review or an audit file (HTML by default).
  diff      What a change to a scenario did: links, exposures, findings, throughput.
  validate  Check a scenario file and print its diagnostics; no analysis.
  import    Read ovs-vsctl / ovn-sbctl / ip xfrm / swanctl outputs of real hosts into a scenario.
  generate  Write a realistic, seeded leaf–spine scenario of any size (benchmarks, demos).
  cpu-calibration
            Turn 'openssl speed -evp <cipher>' output into a host's cpu.calibration block.

Exit status:
  0   every requirement holds (validate: the file is valid; warnings allowed)
  1   a requirement fails
  2   the scenario file is invalid (diagnostics on stderr)
  64  usage error (unknown command, option or format; missing file; unknown attacker)
  66  the scenario file cannot be read
  69  --format pdf, but no Chromium is installed
  70  internal error
  73  the --out file cannot be written

Run 'plainsight help analyze' for the options of a command.
`;

const ANALYZE = `Usage: plainsight analyze <file> [options]

Analyse a scenario (YAML or JSON): link status, what each attacker sees of each flow, findings
and requirements. The report goes to stdout, diagnostics to stderr.

Options:
  -f, --format <format>  text (default; coloured on a terminal unless NO_COLOR is set),
                         json (SPEC §4 shape, sorted and diffable), or a full report:
                         html (one self-contained file, prints to PDF), md (GitHub Markdown;
                         with --out, its pictures are written next to it as
                         <name>-topology.svg and <name>-comparison.svg) or pdf (needs
                         Chromium and --out).
  -o, --out <path>       Write the report to a file instead of stdout.
  --date <YYYY-MM-DD>    Date printed on html/md/pdf reports; default: SOURCE_DATE_EPOCH if
                         set, else today. Reports differ only in this line between runs.
  -a, --attacker <id>    Consider only this attacker; repeat for several. Exposures and
                         requirements are evaluated against the chosen attackers only.
  --compare              Also tabulate the protection options of SPEC T8 (no encryption,
                         overlay IPsec with each cipher, WireGuard, MACsec, TLS only): MTU left,
                         slowest single flow, crypto cores, and what each attacker still sees.
  --cpu-calibration [<host>=]<file>
                         Use your CPU's own crypto speed: the output of
                         'openssl speed -evp aes-256-gcm' (and other ciphers) for every host,
                         or for <host> only. Repeatable; later files win.
  -h, --help             Show this help.

Exit status: 0 all requirements hold, 1 one fails, 2 invalid file, 64 usage error,
66 unreadable file, 69 no Chromium for pdf, 73 --out not writable.
`;

const REPORT = `Usage: plainsight report <file> [options]

The full report of a scenario for a design review, a threat-model workshop or an audit file:
summary, topology picture, link table, exposure matrix with reasons, findings with remediation,
header stacks per flow, throughput with the protection options compared, assumptions and the
scenario itself. Same as 'analyze --compare --format html'; takes the options of analyze.

  plainsight report scenario.yaml --out report.html
  plainsight report scenario.yaml --format pdf --out report.pdf
  plainsight report scenario.yaml --format md --out report.md   (+ report-*.svg)

Exit status as for analyze.
`;

const DIFF = `Usage: plainsight diff <before> <after> [options]

What a change did: links that became encrypted or plaintext, exposures that changed per
attacker, requirement results, findings added, removed or changed, throughput, MTU and crypto
load deltas.

Options:
  -f, --format <format>  text (default), json, md (for a pull request) or html.
  -o, --out <path>       Write to a file instead of stdout.
  --date <YYYY-MM-DD>    Date printed on md/html (default: SOURCE_DATE_EPOCH, else today).

Exit status: 0 nothing got worse, 1 a link, an exposure or a requirement got worse,
2 invalid file, 64 usage error, 66 unreadable file.
`;

const CPU_CALIBRATION = `Usage: plainsight cpu-calibration <openssl-output>

Reads the output of 'openssl speed -evp <cipher>' (aes-128-gcm, aes-256-gcm, chacha20-poly1305,
aes-128-cbc, aes-256-cbc, sha256; any -bytes sizes) and prints the cpu.calibration block to
paste under a host in the scenario. '-' reads standard input. For example:

  openssl speed -evp aes-256-gcm -bytes 1420 > speed.txt
  plainsight cpu-calibration speed.txt

Exit status: 0 figures found, 2 none found, 66 unreadable file.
`;

const GENERATE = `Usage: plainsight generate [options]

Generate a realistic data-centre scenario: sites of leaf–spine racks, gateway, controller and
storage nodes, an overlay, tenant and provider networks, VMs and a mix of tenant, north–south,
storage and control-plane flows, plus attackers. Seeded: the same options give the same file.
The scenario YAML goes to stdout (or --out).

Options:
  --hosts <n>               compute hosts in total (decides the racks; default 2 racks of 40)
  --sites <n>               sites, joined through a carrier network (default 1)
  --racks-per-site <n>      racks per site when --hosts is not given (default 2)
  --hosts-per-rack <n>      compute hosts under each leaf switch (default 40)
  --spines <n>              spine switches per site (default 4)
  --overlay ovn|ovs|none    OVN Geneve (default), OVS VXLAN, or VLANs only
  --ipsec, --no-ipsec       protect the overlay with IPsec (default: on)
  --provider-networks <n>   VLAN provider networks some VMs sit on (default 1)
  --tenant-networks <n>     overlay networks (default: one per 20 hosts, at least 4)
  --workloads-per-host <n>  VMs per compute host (default 10)
  --flows-per-workload <n>  flows per VM (default 5)
  --attackers <n>           attacker positions (default 10)
  --seed <n>                random seed (default 1)
  -o, --out <path>          write the scenario to a file
`;

const VALIDATE = `Usage: plainsight validate <file>

Check a scenario file in three stages (YAML syntax, shape, semantics) and print every
diagnostic with file:line:column and a code frame to stderr.

Exit status: 0 valid (warnings are printed but allowed), 2 invalid, 64 usage error,
66 unreadable file.
`;

/** Help text for a topic (`analyze`, `validate`) or the general help; undefined for an unknown topic. */
export function helpText(topic?: string): string | undefined {
  if (topic === undefined || topic === 'help') return GENERAL;
  return { analyze: ANALYZE, report: REPORT, diff: DIFF, validate: VALIDATE, 'cpu-calibration': CPU_CALIBRATION, generate: GENERATE }[topic];
}

/** One-line pointer printed after a usage error. */
export const USAGE_HINT = "Run 'plainsight --help' for usage.";
