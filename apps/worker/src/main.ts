import { X } from '@ree/shared-kernel';
import { GENESIS_HASH } from '@ree/event-store/hash-chain';
console.log(X, GENESIS_HASH);
