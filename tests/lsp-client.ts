// A minimal LSP client for the real yaml-language-server (the server VS Code's YAML extension
// runs): JSON-RPC over stdio, settings served from .vscode/settings.json through
// workspace/configuration, as VS Code serves them.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
}

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

const SERVER = path.resolve('node_modules/yaml-language-server/bin/yaml-language-server');

/** VS Code's view of a settings file: dotted keys become nested sections ("yaml.schemas" → yaml.schemas). */
export function settingsSections(settingsFile: string): Record<string, Record<string, unknown>> {
  const flat = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  const sections: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(flat)) {
    const dot = key.indexOf('.');
    const [section, rest] = dot < 0 ? [key, ''] : [key.slice(0, dot), key.slice(dot + 1)];
    let target = (sections[section] ??= {});
    const parts = rest.split('.');
    parts.slice(0, -1).forEach((part) => (target = (target[part] ??= {}) as Record<string, unknown>));
    if (rest) target[parts.at(-1)!] = value;
  }
  return sections;
}

export class YamlLanguageClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly diagnosticWaiters = new Map<string, ((d: Diagnostic[]) => void)[]>();
  private versions = new Map<string, number>();
  /** The sections the server has asked for with workspace/configuration. */
  readonly configurationRequests: string[] = [];

  constructor(
    readonly workspace: string,
    private readonly sections: Record<string, Record<string, unknown>>,
  ) {
    this.server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.resume();
  }

  static async start(workspace: string): Promise<YamlLanguageClient> {
    const client = new YamlLanguageClient(workspace, settingsSections(path.join(workspace, '.vscode/settings.json')));
    const root = pathToFileURL(workspace).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: path.basename(workspace) }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: {},
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: null });
    return client;
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) =>
        message.error ? reject(new Error(message.error.message)) : resolve(message.result),
      );
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(JSON.parse(body) as Message);
    }
  }

  private handle(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else if (message.method === 'workspace/configuration') {
      const { items } = message.params as { items: { section?: string }[] };
      this.configurationRequests.push(...items.map((item) => item.section ?? ''));
      this.send({ id: message.id, result: items.map((item) => this.sections[item.section ?? ''] ?? null) });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      const waiters = this.diagnosticWaiters.get(uri) ?? [];
      this.diagnosticWaiters.delete(uri);
      waiters.forEach((resolve) => resolve(diagnostics));
    } else if (message.id !== undefined) {
      // Any other request from the server (registerCapability, …): accept it.
      this.send({ id: message.id, result: null });
    }
  }

  /** Opens (or replaces the text of) a document and resolves with the diagnostics published for it. */
  diagnose(file: string, text = readFileSync(file, 'utf8')): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path.resolve(file)).href;
    const result = new Promise<Diagnostic[]>((resolve) => {
      const list = this.diagnosticWaiters.get(uri) ?? [];
      list.push(resolve);
      this.diagnosticWaiters.set(uri, list);
    });
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    if (version === 1) {
      this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    } else {
      this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    return result;
  }

  async completion(
    file: string,
    line: number,
    character: number,
  ): Promise<{ label: string; documentation?: unknown }[]> {
    const uri = pathToFileURL(path.resolve(file)).href;
    const result = (await this.request('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
    })) as { items: { label: string; documentation?: unknown }[] } | null;
    return result?.items ?? [];
  }

  async hover(file: string, line: number, character: number): Promise<string> {
    const uri = pathToFileURL(path.resolve(file)).href;
    const result = (await this.request('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    })) as { contents: { value: string } | string } | null;
    if (!result) return '';
    return typeof result.contents === 'string' ? result.contents : result.contents.value;
  }

  async stop(): Promise<void> {
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    this.server.kill();
  }
}
