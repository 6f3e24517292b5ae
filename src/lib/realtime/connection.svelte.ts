import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';
import { retryRefusedHandshake } from './handshake';

/** `connecting`: the first connection of this page is being made; `reconnecting`: one was made and lost. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';
export type PortalSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The page's one live connection and its state, for the status indicator and every realtime feature. */
class Connection {
	state = $state<ConnectionState>('connecting');
	socket: PortalSocket | null = null;
	/** Whether this page's socket has been connected once: only then is a lost connection "reconnecting". */
	private wasConnected = false;
	/**
	 * Whether this page's login may connect. A login that still owes its second factor may not (the server
	 * would refuse it as a login that is over and the page would leave the two-step set-up for the login page).
	 */
	private live = true;

	/** Set by the layout before its children start the connection; connects once the login becomes complete. */
	setLive(live: boolean): void {
		this.live = live;
		if (live && this.socket && !this.socket.connected && !this.socket.active) this.socket.connect();
	}

	start(): PortalSocket {
		if (this.socket) return this.socket;
		const socket: PortalSocket = io({ transports: ['websocket'], autoConnect: this.live });
		this.wasConnected = false;
		this.state = navigator.onLine ? 'connecting' : 'offline';
		socket.on('connect', () => {
			this.wasConnected = true;
			this.state = 'connected';
		});
		socket.on('disconnect', () => (this.state = this.notConnected()));
		socket.io.on('reconnect_attempt', () => (this.state = this.notConnected()));
		socket.on('connect_error', () => (this.state = this.notConnected()));
		// The server ended this login (logout elsewhere, account disabled, expired): go to the login page.
		const toLogin = () => window.location.assign('/inloggen');
		socket.on('session:ended', toLogin);
		retryRefusedHandshake(socket, toLogin);
		window.addEventListener('offline', () => (this.state = 'offline'));
		window.addEventListener('online', () => {
			if (!socket.connected) this.state = this.notConnected();
		});
		this.socket = socket;
		return socket;
	}

	/** The state while not connected: a first connection is still "connecting", a lost one "reconnecting". */
	private notConnected(): ConnectionState {
		if (!navigator.onLine) return 'offline';
		return this.wasConnected ? 'reconnecting' : 'connecting';
	}

	stop(): void {
		this.socket?.disconnect();
		this.socket = null;
	}
}

export const connection = new Connection();
