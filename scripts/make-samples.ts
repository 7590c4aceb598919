/** Writes the committed sample workbooks and the blank data template (npm run samples); scripts/samples builds them. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBasicSample, buildQualitySample, buildTemplate } from './samples/build';

export { fixZipTimestamps } from './samples/build';

export const SAMPLE_DIR = path.join(__dirname, '..', 'assets', 'samples');
export const TEMPLATE_DIR = path.join(__dirname, '..', 'assets', 'templates');
export const QUALITY_SAMPLE = '示例县-优质均衡.xlsx';
export const BASIC_SAMPLE = '示例县-基本均衡.xlsx';
export const TEMPLATE = '学校数据模板.xlsx';

/** Every generated file: where it goes and how it is built. */
export const OUTPUTS: { file: string; build: () => Promise<Buffer> }[] = [
  { file: path.join(SAMPLE_DIR, QUALITY_SAMPLE), build: buildQualitySample },
  { file: path.join(SAMPLE_DIR, BASIC_SAMPLE), build: buildBasicSample },
  { file: path.join(TEMPLATE_DIR, TEMPLATE), build: buildTemplate },
];

async function main(): Promise<void> {
  for (const o of OUTPUTS) {
    fs.mkdirSync(path.dirname(o.file), { recursive: true });
    fs.writeFileSync(o.file, await o.build());
    console.log(`wrote ${path.relative(process.cwd(), o.file)}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
