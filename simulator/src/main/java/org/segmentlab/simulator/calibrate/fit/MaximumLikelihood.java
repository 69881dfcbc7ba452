package org.segmentlab.simulator.calibrate.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Multi-start maximum likelihood for models with positive parameters: Nelder–Mead over the logs of the
 * parameters (so every trial point is valid), restarted from its own optimum until a restart no longer improves
 * (a simplex can stall on a flat ridge), then standard errors from a central-difference Hessian in the natural
 * parameters.
 */
final class MaximumLikelihood {

    /** Trial points this far out in log space (e^±30) are rejected outright, before exp overflows a model. */
    private static final double LOG_BOUND = 30.0;
    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 20;
    private static final double HESSIAN_STEP = 1e-4;

    private MaximumLikelihood() {
    }

    static FitResult fit(String model, List<String> names, ToDoubleFunction<double[]> logLikelihood,
            List<double[]> starts, long observations) {
        List<FitResult.StartOptimum> optima = new ArrayList<>();
        FitResult.StartOptimum best = null;
        for (double[] start : starts) {
            FitResult.StartOptimum o = fromStart(logLikelihood, start);
            optima.add(o);
            if (best == null || o.logLikelihood() > best.logLikelihood()) {
                best = o;
            }
        }
        if (best == null || !Double.isFinite(best.logLikelihood())) {
            throw new ArithmeticException(model + ": no start reached a finite log-likelihood");
        }
        double[] theta = best.optimum();
        double[] se = standardErrors(logLikelihood, theta);
        return new FitResult(model, names, theta, se, logLikelihood.applyAsDouble(theta), observations, optima);
    }

    private static FitResult.StartOptimum fromStart(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        int d = start.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            y[i] = Math.log(start[i]);
        }
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(point -> {
            evaluations[0]++;
            return inLogSpace(logLikelihood, point);
        });
        double value = inLogSpace(logLikelihood, y);
        double side = 0.5;
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            SimplexOptimizer optimizer = new SimplexOptimizer(1e-14, 1e-12);
            PointValuePair p;
            try {
                p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                        new InitialGuess(y), new NelderMeadSimplex(d, side));
            } catch (TooManyEvaluationsException e) {
                break; // keep the last converged point; the start's result shows its log-likelihood
            }
            boolean improved = p.getValue() > value + 1e-10 * Math.max(1.0, Math.abs(value));
            if (p.getValue() >= value) {
                y = p.getPoint();
                value = p.getValue();
            }
            if (!improved && restart > 0) {
                break;
            }
            side = 0.05; // later restarts only polish
        }
        double[] theta = new double[d];
        for (int i = 0; i < d; i++) {
            theta[i] = Math.exp(y[i]);
        }
        return new FitResult.StartOptimum(start, theta, value, evaluations[0]);
    }

    private static double inLogSpace(ToDoubleFunction<double[]> logLikelihood, double[] y) {
        double[] theta = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (!(Math.abs(y[i]) <= LOG_BOUND)) {
                return -Double.MAX_VALUE;
            }
            theta[i] = Math.exp(y[i]);
        }
        double ll = logLikelihood.applyAsDouble(theta);
        // Nelder-Mead compares values: NaN or -inf would break its ordering, so they become the worst finite value.
        return Double.isFinite(ll) ? ll : -Double.MAX_VALUE;
    }

    /** sqrt(diag((-H)^-1)), H by central differences with steps relative to each parameter. */
    static double[] standardErrors(ToDoubleFunction<double[]> logLikelihood, double[] theta) {
        int d = theta.length;
        double[] h = new double[d];
        for (int i = 0; i < d; i++) {
            h[i] = HESSIAN_STEP * Math.abs(theta[i]);
        }
        double f0 = logLikelihood.applyAsDouble(theta);
        double[][] hessian = new double[d][d];
        for (int i = 0; i < d; i++) {
            double fp = at(logLikelihood, theta, i, h[i], -1, 0);
            double fm = at(logLikelihood, theta, i, -h[i], -1, 0);
            hessian[i][i] = (fp - 2 * f0 + fm) / (h[i] * h[i]);
            for (int j = 0; j < i; j++) {
                double fpp = at(logLikelihood, theta, i, h[i], j, h[j]);
                double fpm = at(logLikelihood, theta, i, h[i], j, -h[j]);
                double fmp = at(logLikelihood, theta, i, -h[i], j, h[j]);
                double fmm = at(logLikelihood, theta, i, -h[i], j, -h[j]);
                hessian[i][j] = (fpp - fpm - fmp + fmm) / (4 * h[i] * h[j]);
                hessian[j][i] = hessian[i][j];
            }
        }
        double[] se = new double[d];
        RealMatrix information = new Array2DRowRealMatrix(hessian).scalarMultiply(-1.0);
        LUDecomposition lu = new LUDecomposition(information);
        if (!lu.getSolver().isNonSingular()) {
            Arrays.fill(se, Double.NaN);
            return se;
        }
        RealMatrix covariance = lu.getSolver().getInverse();
        for (int i = 0; i < d; i++) {
            double v = covariance.getEntry(i, i);
            se[i] = v > 0 ? Math.sqrt(v) : Double.NaN;
        }
        return se;
    }

    private static double at(ToDoubleFunction<double[]> f, double[] theta, int i, double hi, int j, double hj) {
        double[] p = theta.clone();
        p[i] += hi;
        if (j >= 0) {
            p[j] += hj;
        }
        return f.applyAsDouble(p);
    }
}
