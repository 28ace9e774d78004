// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Live progress of one command sent to the service (statement retrieval, file import, payment run),
// followed through CashNotification__e by its correlation id. It listens from the moment it is on the
// page, so events that arrive before the correlation id is known are not lost.
import { LightningElement, api } from 'lwc';
import { follow, isFinal } from 'c/cmNotifications';
import { errorText } from 'c/cmErrors';
const BUFFER_SIZE = 50;
const STATUS_TEXT = {
    accepted: 'Accepted by the service',
    progress: 'In progress',
    succeeded: 'Done',
    failed: 'Failed'
};
export default class CmCommandProgress extends LightningElement {
    @api
    label = 'Progress';
    latest = null;
    streamError = '';
    trackedId = null;
    seen = new Map();
    stop = null;
    @api
    get correlationId() {
        return this.trackedId;
    }
    set correlationId(value) {
        this.trackedId = value;
        this.latest = null;
        const early = value ? this.seen.get(value) : undefined;
        if (early) {
            this.show(early);
        }
    }
    connectedCallback() {
        follow((notification) => this.receive(notification), () => true, (error) => {
            this.streamError = `Live updates are unavailable: ${errorText(error)}`;
        })
            .then((stop) => {
            this.stop = stop;
        })
            .catch((error) => {
            this.streamError = `Live updates are unavailable: ${errorText(error)}`;
        });
    }
    disconnectedCallback() {
        if (this.stop) {
            this.stop().catch(() => undefined);
            this.stop = null;
        }
    }
    get waiting() {
        return this.trackedId !== null && this.latest === null;
    }
    get statusText() {
        return this.latest ? STATUS_TEXT[this.latest.status] ?? this.latest.status : 'Sent; waiting for the service';
    }
    get percent() {
        if (!this.latest) {
            return 0;
        }
        if (this.latest.status === 'succeeded') {
            return 100;
        }
        return this.latest.progress ?? 0;
    }
    get failed() {
        return this.latest?.status === 'failed';
    }
    get message() {
        return this.latest?.message ?? '';
    }
    get visible() {
        return this.trackedId !== null;
    }
    receive(notification) {
        this.seen.set(notification.correlationId, notification);
        if (this.seen.size > BUFFER_SIZE) {
            const oldest = this.seen.keys().next().value;
            if (oldest !== undefined) {
                this.seen.delete(oldest);
            }
        }
        if (notification.correlationId === this.trackedId) {
            this.show(notification);
        }
    }
    show(notification) {
        this.latest = notification;
        if (isFinal(notification)) {
            this.dispatchEvent(new CustomEvent('finished', { detail: notification }));
        }
    }
}
