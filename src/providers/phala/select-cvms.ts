import { ActionError } from '../../errors.js';
import type { CvmState } from './shapes.js';

export function describeCvm(cvm: Pick<CvmState, 'vmUuid' | 'name'>): string {
  return cvm.name && cvm.name !== cvm.vmUuid ? `${cvm.name} (${cvm.vmUuid})` : cvm.vmUuid;
}

function listing(cvms: CvmState[]): string {
  return cvms.map((cvm) => `  - ${cvm.vmUuid}  ${cvm.name}  [${cvm.status}]`).join('\n');
}

/**
 * Which CVMs the rollback is for. A multi-CVM app without vm_uuids is refused rather than
 * guessed: rolling back the wrong replica set is worse than asking.
 */
export function selectCvms(appCvms: CvmState[], requested: string[] | 'all', appId: string): CvmState[] {
  if (appCvms.length === 0) {
    throw new ActionError('App has no CVMs', `App ${appId} has no CVMs, so there is nothing to roll back. Check app_id.`);
  }
  if (requested === 'all') return appCvms;
  if (requested.length === 0) {
    if (appCvms.length === 1) return appCvms;
    throw new ActionError(
      'vm_uuids required for a multi-CVM app',
      `App ${appId} has ${appCvms.length} CVMs. Set the vm_uuids input to the CVMs to roll back (separated by commas, spaces or new lines), or to 'all':\n${listing(appCvms)}\nNothing was redeployed.`
    );
  }
  const unknown = requested.filter((uuid) => !appCvms.some((cvm) => cvm.vmUuid === uuid));
  if (unknown.length > 0) {
    throw new ActionError(
      'CVM not part of the app',
      `vm_uuids names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not a CVM of app ${appId}. Its CVMs are:\n${listing(appCvms)}\nNothing was redeployed.`
    );
  }
  return requested.map((uuid) => appCvms.find((cvm) => cvm.vmUuid === uuid)!);
}
